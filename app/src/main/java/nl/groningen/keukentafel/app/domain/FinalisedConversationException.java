package nl.groningen.keukentafel.app.domain;

/** A finalised conversation is read-only: a correction is a new conversation linked to it. */
public class FinalisedConversationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public FinalisedConversationException() {
        super("A finalised conversation cannot be changed; record a correction instead");
    }
}
