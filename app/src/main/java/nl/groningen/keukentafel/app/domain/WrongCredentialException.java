package nl.groningen.keukentafel.app.domain;

/** The credential does not open this coach's local database. */
public class WrongCredentialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WrongCredentialException() {
        super("The credential does not open this database");
    }
}
