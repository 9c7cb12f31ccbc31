package nl.groningen.keukentafel.app.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.groningen.keukentafel.app.domain.Outbox;
import nl.groningen.keukentafel.app.domain.PulledChanges;
import nl.groningen.keukentafel.app.domain.ReferenceUpdates;
import nl.groningen.keukentafel.app.domain.SyncState;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.ReferenceBundle;

/**
 * The ports the sync engine uses ({@link Outbox}, {@link PulledChanges}, {@link SyncState},
 * {@link ReferenceUpdates}), passing every call to a laptop's store: tests extend it to step in
 * between the sync engine and the store where they need to, and nowhere else.
 */
abstract class ForwardingLedger implements Outbox, PulledChanges, SyncState, ReferenceUpdates {

    private final Outbox outbox;
    private final PulledChanges pulled;
    private final SyncState state;
    private final ReferenceUpdates reference;

    ForwardingLedger(LocalStore store) {
        this.outbox = store.outbox();
        this.pulled = store.pulledPages();
        this.state = store.syncState();
        this.reference = store.referenceTable();
    }

    /** A sync engine that goes through this for every port. */
    SyncEngine engine(Function<SyncState.Enrolled, ? extends SyncTransport> clients, Clock clock) {
        return new SyncEngine(this, this, this, this, clients, clock);
    }

    @Override
    public List<Change> takeOutbox(int max) {
        return outbox.takeOutbox(max);
    }

    @Override
    public void acknowledge(List<ChangeResult> results, Instant at) {
        outbox.acknowledge(results, at);
    }

    @Override
    public int resendSent() {
        return outbox.resendSent();
    }

    @Override
    public long pushCursor() {
        return outbox.pushCursor();
    }

    @Override
    public int sentKept() {
        return outbox.sentKept();
    }

    @Override
    public void forgetSentBefore(Instant before) {
        outbox.forgetSentBefore(before);
    }

    @Override
    public int waiting() {
        return outbox.waiting();
    }

    @Override
    public boolean hasWaitingFor(UUID residentId) {
        return outbox.hasWaitingFor(residentId);
    }

    @Override
    public List<Refusal> refusals() {
        return outbox.refusals();
    }

    @Override
    public long cursor() {
        return pulled.cursor();
    }

    @Override
    public Set<UUID> applyPulled(List<PulledChange> changes, long nextCursor) {
        return pulled.applyPulled(changes, nextCursor);
    }

    @Override
    public Optional<Enrolled> enrolment() {
        return state.enrolment();
    }

    @Override
    public void saveEnrolment(Enrolled enrolled) {
        state.saveEnrolment(enrolled);
    }

    @Override
    public Optional<Instant> lastSync() {
        return state.lastSync();
    }

    @Override
    public void saveLastSync(Instant at) {
        state.saveLastSync(at);
    }

    @Override
    public String serverEpoch() {
        return state.serverEpoch();
    }

    @Override
    public void saveServerEpoch(String epoch) {
        state.saveServerEpoch(epoch);
    }

    @Override
    public String referenceVersion() {
        return reference.referenceVersion();
    }

    @Override
    public void saveReference(ReferenceBundle bundle) {
        reference.saveReference(bundle);
    }
}
