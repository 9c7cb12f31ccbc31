package nl.groningen.keukentafel.app.office;

/** An office request that did not succeed; nothing of it was stored on the server (every office change is all or nothing). */
public final class OfficeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final OfficeFailure failure;
    private final String serverMessage;

    public OfficeException(OfficeFailure failure, String serverMessage, Throwable cause) {
        super(failure + (serverMessage == null ? "" : ": " + serverMessage), cause);
        this.failure = failure;
        this.serverMessage = serverMessage;
    }

    public OfficeFailure failure() {
        return failure;
    }

    /** The server's own sentence, where it gave one (Dutch for a refused caseload file); never personal data. */
    public String serverMessage() {
        return serverMessage;
    }
}
