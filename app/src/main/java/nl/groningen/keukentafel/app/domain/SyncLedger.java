package nl.groningen.keukentafel.app.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.ReferenceBundle;

/**
 * The laptop's side of sync, as the sync engine needs it: the outbox (filled by the store in the
 * same transaction as each change), the pull cursor, and applying a pulled page. Every method is
 * one transaction.
 */
public interface SyncLedger {

    /** The oldest waiting changes, at most {@code max}, marked as sent (a resend keeps the same change id). */
    List<Change> takeOutbox(int max);

    /**
     * The server's answers: answered changes leave the outbox and are kept, sealed, as sent (for a
     * re-send after a restore of the server); refused ones are also kept apart with the reason.
     */
    void acknowledge(List<ChangeResult> results, Instant at);

    /**
     * Puts every kept sent change back in the outbox, before anything waiting there, in the order
     * they were made and with their own change ids: the server was restored from a backup and may
     * have lost them. Returns how many.
     */
    int resendSent();

    /**
     * The cursor to push the taken changes with: the pull cursor at which the oldest of them was
     * first pushed. A change sent again after a restore is then judged as it was the first time: a
     * change to a resident who moved to another coach after that cursor is still taken.
     */
    long pushCursor();

    /** How many answered changes are kept for a re-send. */
    int sentKept();

    /** Forgets the sent changes answered before this moment. */
    void forgetSentBefore(Instant before);

    /** The epoch of the server's database at the last sync that completed, or null before the first. */
    String serverEpoch();

    void saveServerEpoch(String epoch);

    /** How many changes wait to be sent. */
    int waiting();

    /** Whether changes for this resident still wait to be sent. */
    boolean hasWaitingFor(UUID residentId);

    /** The sequence number of the last pulled change committed here. */
    long cursor();

    /**
     * Commits one pulled page and the new cursor together. A record with changes still waiting
     * keeps the laptop's version (the server merges when they arrive). A resident moved to another
     * coach is removed with all their records. Returns the residents whose data changed here.
     */
    Set<UUID> applyPulled(List<PulledChange> changes, long nextCursor);

    /** The server this laptop is enrolled with, if it is. */
    Optional<Enrolled> enrolment();

    void saveEnrolment(Enrolled enrolled);

    Optional<Instant> lastSync();

    /** The version of the reference data held here, or null before the first. */
    String referenceVersion();

    /** Replaces the reference data and the sociale kaart, with their version, in one transaction. */
    void saveReference(ReferenceBundle bundle);

    void saveLastSync(Instant at);

    /** The fields in conflict, for the coach to resolve. */
    List<Conflict> conflicts();

    /** The changes the server refused, newest first. */
    List<Refusal> refusals();

    /**
     * The coach's choice for a conflict: the record takes the chosen value (a change of its own,
     * queued like any other) and the conflict goes, here and on the server.
     */
    void resolve(Conflict conflict, JsonNode chosen);

    /** A resident and their records as stored now; empty when the resident is no longer on this laptop. */
    Optional<ResidentNow> residentNow(UUID residentId);

    /** One resident with their records, read together. */
    record ResidentNow(Resident resident, ResidentRecords records) {
    }

    /** The server's address and this device's identity and token. */
    record Enrolled(String serverUrl, UUID deviceId, String token) {
    }

    /** A change the server refused, with its reason code. */
    record Refusal(UUID changeId, String kind, UUID recordId, UUID residentId, String reason, Instant at) {
    }
}
