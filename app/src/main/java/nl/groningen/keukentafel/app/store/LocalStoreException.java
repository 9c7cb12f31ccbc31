package nl.groningen.keukentafel.app.store;

/** The local database could not do what was asked; what was saved before is untouched. */
public class LocalStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
