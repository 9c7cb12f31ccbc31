package nl.groningen.keukentafel.app.domain;

/**
 * The local store could not do what was asked (the file unreadable, the disk full, a record
 * damaged); what was saved before is untouched. The failure of every port the store implements, so
 * that their users (the sync engine, the screens) need not know the store.
 */
public class LocalStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
