package nl.groningen.keukentafel.app.sync;

/**
 * Why a sync (or enrolment) did not go through, as the coach should hear it. Each has a Dutch
 * message in the bundle under {@code sync.failure.<code>}. Nothing already saved on the laptop is
 * touched by any of them: the outbox stays as it was.
 */
public enum SyncFailure {
    /** No connection to the server (offline, server down, DNS, refused). */
    OFFLINE,
    /** The device token is unknown to the server. */
    NOT_ENROLLED,
    /** The office revoked this laptop: its data must be wiped. */
    REVOKED,
    /** The server no longer serves this version of the app. */
    APP_TOO_OLD,
    /** User name or password wrong at enrolment. */
    WRONG_CREDENTIALS,
    /** Enrolment code unknown, used or expired. */
    BAD_CODE,
    /** Too many wrong passwords; wait. */
    LOCKED_OUT,
    /** The server refused the request as malformed or too large (a bug or a very large outbox). */
    REFUSED,
    /** The server failed or answered something the app cannot read. */
    SERVER_ERROR,
    /** The laptop's own database could not take the pulled data (disk full, say). */
    LOCAL_STORE;

    /** The bundle key of the message. */
    public String messageKey() {
        return "sync.failure." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
