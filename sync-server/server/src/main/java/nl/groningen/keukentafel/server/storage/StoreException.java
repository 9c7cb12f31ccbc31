package nl.groningen.keukentafel.server.storage;

/** A database operation failed; nothing of it was stored. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
