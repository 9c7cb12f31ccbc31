package nl.groningen.keukentafel.app.sync;

/** A sync step that failed, with the reason the coach is told. */
public final class SyncException extends Exception {

    private final SyncFailure failure;

    public SyncException(SyncFailure failure, String detail, Throwable cause) {
        super(failure + (detail == null ? "" : ": " + detail), cause);
        this.failure = failure;
    }

    public SyncFailure failure() {
        return failure;
    }
}
