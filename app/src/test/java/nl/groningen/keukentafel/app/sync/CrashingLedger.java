package nl.groningen.keukentafel.app.sync;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.PulledChange;

/**
 * A laptop's {@link LocalStore} as the sync engine sees it, where the laptop may die around any
 * commit the sync makes, and where the coach may save something between two steps of a sync.
 *
 * <p>A crash is a {@link Crash} thrown just before or just after the store's call: the engine
 * stops there, as a dead process does, and the laptop then reopens its store from the file, so
 * only what was committed survives. Each of these calls is one SQLite transaction (a pulled page
 * and its cursor commit together), and SQLite's commit is atomic ({@code CrashSafetyTest} kills a
 * writing process to pin that), so a crash <em>during</em> the call leaves exactly the state of a
 * crash just before it or just after it: these two points cover every outcome of a real crash.
 *
 * <p>In the app, a background sync and the coach's saves share the store (its parts work under the
 * one database's lock), so a save can land between any two calls of a sync; {@code coachSaves} does one.
 */
final class CrashingLedger extends ForwardingLedger {

    /** The laptop died here. */
    static final class Crash extends RuntimeException {
        Crash(String where) {
            super("laptop crashed " + where, null, false, false);
        }
    }

    private final Chaos chaos;
    private final Runnable coachSaves;
    private final Consumer<String> trace;

    CrashingLedger(LocalStore store, Chaos chaos, Runnable coachSaves, Consumer<String> trace) {
        super(store);
        this.chaos = chaos;
        this.coachSaves = coachSaves;
        this.trace = trace;
    }

    @Override
    public List<Change> takeOutbox(int max) {
        meanwhile();
        crash("before taking the outbox");
        List<Change> taken = super.takeOutbox(max);
        crash("after taking " + taken.size() + " from the outbox (marked sent)");
        return taken;
    }

    @Override
    public void acknowledge(List<ChangeResult> results, Instant at) {
        meanwhile();
        crash("before storing " + results.size() + " answers");
        super.acknowledge(results, at);
        crash("after storing " + results.size() + " answers");
    }

    @Override
    public Set<UUID> applyPulled(List<PulledChange> changes, long nextCursor) {
        meanwhile();
        crash("before committing a page of " + changes.size() + " up to " + nextCursor);
        Set<UUID> changed = super.applyPulled(changes, nextCursor);
        crash("after committing a page of " + changes.size() + " and cursor " + nextCursor);
        return changed;
    }

    @Override
    public void saveLastSync(Instant at) {
        crash("before noting the sync's time");
        super.saveLastSync(at);
    }

    private void crash(String where) {
        if (chaos.fault(0.025)) {
            trace.accept("crashed " + where);
            throw new Crash(where);
        }
    }

    private void meanwhile() {
        if (chaos.fault(0.06)) {
            coachSaves.run();
        }
    }
}
