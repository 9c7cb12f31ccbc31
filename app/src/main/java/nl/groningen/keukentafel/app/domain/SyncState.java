package nl.groningen.keukentafel.app.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What this laptop remembers of its sync with the server: the enrolment, the last sync that
 * completed and the server database's epoch at it. Every method is one transaction.
 */
public interface SyncState {

    /** The server this laptop is enrolled with, if it is. */
    Optional<Enrolled> enrolment();

    void saveEnrolment(Enrolled enrolled);

    Optional<Instant> lastSync();

    void saveLastSync(Instant at);

    /** The epoch of the server's database at the last sync that completed, or null before the first. */
    String serverEpoch();

    void saveServerEpoch(String epoch);

    /** The server's address and this device's identity and token. */
    record Enrolled(String serverUrl, UUID deviceId, String token) {
    }
}
