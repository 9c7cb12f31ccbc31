package nl.groningen.keukentafel.app.ui;

/** A login or enrolment that could not open its session, with the sentence (from the bundle) the user is told. */
public final class LoginRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sentence;

    public LoginRefusedException(String sentence, Throwable cause) {
        super("login refused", cause);
        this.sentence = sentence;
    }

    /** What the login screen shows, in the user's language. */
    public String sentence() {
        return sentence;
    }
}
