package nl.groningen.keukentafel.app.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.SyncLedger;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.ReferenceBundle;

/**
 * A {@link SyncLedger} that passes every call to another (a laptop's store): tests extend it to
 * step in between the sync engine and the store where they need to, and nowhere else.
 */
abstract class ForwardingLedger implements SyncLedger {

    private final SyncLedger store;

    ForwardingLedger(SyncLedger store) {
        this.store = store;
    }

    @Override
    public List<Change> takeOutbox(int max) {
        return store.takeOutbox(max);
    }

    @Override
    public void acknowledge(List<ChangeResult> results, Instant at) {
        store.acknowledge(results, at);
    }

    @Override
    public int resendSent() {
        return store.resendSent();
    }

    @Override
    public long pushCursor() {
        return store.pushCursor();
    }

    @Override
    public int sentKept() {
        return store.sentKept();
    }

    @Override
    public void forgetSentBefore(Instant before) {
        store.forgetSentBefore(before);
    }

    @Override
    public String serverEpoch() {
        return store.serverEpoch();
    }

    @Override
    public void saveServerEpoch(String epoch) {
        store.saveServerEpoch(epoch);
    }

    @Override
    public int waiting() {
        return store.waiting();
    }

    @Override
    public boolean hasWaitingFor(UUID residentId) {
        return store.hasWaitingFor(residentId);
    }

    @Override
    public long cursor() {
        return store.cursor();
    }

    @Override
    public Set<UUID> applyPulled(List<PulledChange> changes, long nextCursor) {
        return store.applyPulled(changes, nextCursor);
    }

    @Override
    public Optional<Enrolled> enrolment() {
        return store.enrolment();
    }

    @Override
    public void saveEnrolment(Enrolled enrolled) {
        store.saveEnrolment(enrolled);
    }

    @Override
    public Optional<Instant> lastSync() {
        return store.lastSync();
    }

    @Override
    public void saveLastSync(Instant at) {
        store.saveLastSync(at);
    }

    @Override
    public List<Conflict> conflicts() {
        return store.conflicts();
    }

    @Override
    public List<Refusal> refusals() {
        return store.refusals();
    }

    @Override
    public void resolve(Conflict conflict, JsonNode chosen) {
        store.resolve(conflict, chosen);
    }

    @Override
    public Optional<ResidentNow> residentNow(UUID residentId) {
        return store.residentNow(residentId);
    }

    @Override
    public String referenceVersion() {
        return store.referenceVersion();
    }

    @Override
    public void saveReference(ReferenceBundle bundle) {
        store.saveReference(bundle);
    }
}
