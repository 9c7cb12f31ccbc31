package nl.groningen.keukentafel.app.ui.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.Conflicts;
import nl.groningen.keukentafel.app.domain.CurrentResidents;
import nl.groningen.keukentafel.app.domain.LocalStoreException;
import nl.groningen.keukentafel.app.domain.Outbox;
import nl.groningen.keukentafel.app.domain.PulledChanges;
import nl.groningen.keukentafel.app.domain.ReferenceUpdates;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.domain.SyncState;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.contract.sync.ReferenceBundle;

/**
 * The laptop's store as the sync status and the sync engine see it (its outbox, sync state,
 * conflicts, residents as stored now, pulled pages and reference version), in memory, for tests
 * without a database. A pulled {@code conflict} lands in the conflicts; resolving one queues a
 * change, as the store does, or fails (a full disk) while told to. Called from the sync thread
 * and the test's: every method holds the lock.
 */
public final class InMemorySyncPorts implements Outbox, SyncState, Conflicts, CurrentResidents, PulledChanges, ReferenceUpdates {

    /** A choice the coach made for a conflict. */
    public record Resolved(Conflict conflict, JsonNode chosen) {
    }

    private final List<Change> outbox = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<Resolved> resolved = new ArrayList<>();
    private final Map<UUID, ResidentNow> stored = new HashMap<>();
    private final Enrolled enrolled = new Enrolled("https://sync.test", UUID.randomUUID(), "token");
    private Instant lastSync;
    private String epoch;
    private long cursor;
    private boolean failing;

    // ---- for the test ----------------------------------------------------------------------------

    /** The coach saved a change to this resident: one more waits. */
    public synchronized InMemorySyncPorts saved(UUID residentId) {
        outbox.add(new Change(UUID.randomUUID(), RecordKind.AGREEMENT.wireName(), UUID.randomUUID(), residentId, false,
                Json.mapper().createObjectNode()));
        return this;
    }

    /** The last sync that went through, as the store remembers it. */
    public synchronized InMemorySyncPorts lastSyncAt(Instant at) {
        this.lastSync = at;
        return this;
    }

    /** A conflict the store already keeps. */
    public synchronized InMemorySyncPorts withConflict(Conflict conflict) {
        conflicts.add(conflict);
        return this;
    }

    /** The resident and their records as the store holds them now. */
    public synchronized InMemorySyncPorts storedNow(Resident resident, ResidentRecords records) {
        stored.put(resident.id(), new ResidentNow(resident, records));
        return this;
    }

    /** The resident is no longer on this laptop. */
    public synchronized InMemorySyncPorts gone(UUID residentId) {
        stored.remove(residentId);
        return this;
    }

    /** From now on the store refuses to write (a full disk); {@code false}: it has room again. */
    public synchronized void failing(boolean failing) {
        this.failing = failing;
    }

    /** The coach's choices, in order. */
    public synchronized List<Resolved> resolved() {
        return List.copyOf(resolved);
    }

    // ---- Outbox ----------------------------------------------------------------------------------

    @Override
    public synchronized List<Change> takeOutbox(int max) {
        return List.copyOf(outbox.subList(0, Math.min(max, outbox.size())));
    }

    @Override
    public synchronized void acknowledge(List<ChangeResult> results, Instant at) {
        Set<UUID> answered = new LinkedHashSet<>();
        results.forEach(r -> answered.add(r.changeId()));
        outbox.removeIf(c -> answered.contains(c.changeId()));
    }

    @Override
    public synchronized int resendSent() {
        return 0;
    }

    @Override
    public synchronized long pushCursor() {
        return cursor;
    }

    @Override
    public synchronized int sentKept() {
        return 0;
    }

    @Override
    public synchronized void forgetSentBefore(Instant before) {
    }

    @Override
    public synchronized int waiting() {
        return outbox.size();
    }

    @Override
    public synchronized boolean hasWaitingFor(UUID residentId) {
        return outbox.stream().anyMatch(c -> residentId.equals(c.residentId()));
    }

    @Override
    public synchronized List<Refusal> refusals() {
        return List.of();
    }

    // ---- SyncState -------------------------------------------------------------------------------

    @Override
    public synchronized Optional<Enrolled> enrolment() {
        return Optional.of(enrolled);
    }

    @Override
    public synchronized void saveEnrolment(Enrolled enrolled) {
        throw new UnsupportedOperationException("enrolled from the start");
    }

    @Override
    public synchronized Optional<Instant> lastSync() {
        return Optional.ofNullable(lastSync);
    }

    @Override
    public synchronized void saveLastSync(Instant at) {
        this.lastSync = at;
    }

    @Override
    public synchronized String serverEpoch() {
        return epoch;
    }

    @Override
    public synchronized void saveServerEpoch(String epoch) {
        this.epoch = epoch;
    }

    // ---- Conflicts -------------------------------------------------------------------------------

    @Override
    public synchronized List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    @Override
    public synchronized void resolve(Conflict conflict, JsonNode chosen) {
        if (failing) {
            throw new LocalStoreException("The test's disk is full", null);
        }
        resolved.add(new Resolved(conflict, chosen));
        conflicts.removeIf(c -> c.id().equals(conflict.id()));
        outbox.add(new Change(UUID.randomUUID(), RecordKind.CONFLICT.wireName(), conflict.id(), conflict.residentId(), true, null));
    }

    // ---- CurrentResidents ------------------------------------------------------------------------

    @Override
    public synchronized Optional<ResidentNow> residentNow(UUID residentId) {
        return Optional.ofNullable(stored.get(residentId));
    }

    // ---- PulledChanges ---------------------------------------------------------------------------

    @Override
    public synchronized long cursor() {
        return cursor;
    }

    @Override
    public synchronized Set<UUID> applyPulled(List<PulledChange> changes, long nextCursor) {
        Set<UUID> changed = new LinkedHashSet<>();
        for (PulledChange change : changes) {
            if (RecordKind.CONFLICT.is(change.kind())) {
                conflicts.add(Json.mapper().convertValue(change.body(), Conflict.class));
            }
            changed.add(change.residentId());
        }
        cursor = nextCursor;
        return changed;
    }

    // ---- ReferenceUpdates ------------------------------------------------------------------------

    @Override
    public synchronized String referenceVersion() {
        return "test";
    }

    @Override
    public synchronized void saveReference(ReferenceBundle bundle) {
    }
}
