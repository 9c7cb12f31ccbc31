package nl.groningen.keukentafel.app.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import nl.groningen.keukentafel.app.domain.SyncState;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.app.store.TestLocalStores;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.sync.Change;

/**
 * One enrolled laptop in the simulation: the coach's real {@link LocalStore} file and the real
 * {@link SyncEngine}, syncing through a {@link FaultyTransport} and a {@link CrashingLedger}.
 * It keeps what the checks need: every change id that was ever in its outbox (read from the file
 * after each step), every change id it tried to push, and its cursor after every sync.
 */
final class SimulatedLaptop implements AutoCloseable {

    private static final char[] PASSWORD = "simulatie".toCharArray();

    private final String name;
    private final Coach coach;
    private final Path file;
    private final Connection outboxReader;
    private final Set<UUID> queued = new LinkedHashSet<>();
    /** The resident of every change id that was ever in the outbox. */
    private final java.util.Map<UUID, UUID> residentOf = new java.util.HashMap<>();
    private final Set<UUID> pushed = new LinkedHashSet<>();
    private final List<Long> cursors = new ArrayList<>();
    private LocalStore store;

    private SimulatedLaptop(String name, Coach coach, Path file, LocalStore store) throws SQLException {
        this.name = name;
        this.coach = coach;
        this.file = file;
        this.store = store;
        // A plain reader of the file beside the store's own connection: the outbox's change ids are not sealed.
        this.outboxReader = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /**
     * A blank laptop file: a new coach database (made with the cheap key derivation tests use) that
     * {@link #enrol} copies, since making one runs every migration and a run needs three.
     */
    static void makeBlank(Path file) {
        TestLocalStores.create(file, PASSWORD).close();
    }

    /** A new laptop for a coach from a blank file, enrolled (as the enrolment screen leaves it) but not yet synced. */
    static SimulatedLaptop enrol(String name, Coach coach, Path blank, Path folder, UUID deviceId) throws SQLException {
        Path file = folder.resolve(name + ".db");
        try {
            Files.copy(blank, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalStore store = LocalStore.unlock(file, PASSWORD);
        store.referenceTable().saveCoach(coach);
        store.syncState().saveEnrolment(new SyncState.Enrolled("sim://server", deviceId, "token-" + name));
        SimulatedLaptop laptop = new SimulatedLaptop(name, coach, file, store);
        laptop.cursors.add(store.pulledPages().cursor());
        return laptop;
    }

    String name() {
        return name;
    }

    Coach coach() {
        return coach;
    }

    LocalStore store() {
        return store;
    }

    /** The coach does something on this laptop; returns what. */
    String act(CoachActions actions) {
        String done = actions.actOn(store);
        noteOutbox();
        return done;
    }

    /** How one sync attempt ended: the outcome, or why it stopped. */
    record Attempt(SyncEngine.Outcome outcome, String failure) {
        boolean succeeded() {
            return outcome != null;
        }
    }

    /**
     * One sync, as the background sync would run it now, through whatever faults the chaos draws.
     * A failure other than OFFLINE (the local store refusing a page, the server not answering a
     * change) is no injected fault, and stops the run.
     */
    Attempt sync(SimulatedServer server, SimulatedNetwork network, Chaos chaos, CoachActions actions, int pageLimit,
                 Clock clock, Consumer<String> trace) {
        Consumer<String> said = line -> trace.accept(name + ": " + line.strip());
        CrashingLedger ledger = new CrashingLedger(store, chaos, () -> {
            String done = actions.actOn(store);
            noteOutbox();
            said.accept("meanwhile the coach " + done);
        }, said);
        SyncEngine engine = ledger.engine(enrolled -> new FaultyTransport(server, network, name, coach.id(), chaos,
                pageLimit, this::notePushed, trace), clock);
        try {
            return new Attempt(engine.syncOnce((done, total) -> { }), null);
        } catch (SyncException e) {
            if (e.failure() != SyncFailure.OFFLINE) {
                // Every fault the simulation injects looks like a lost connection (or kills the laptop); anything else is a bug.
                throw new IllegalStateException(name + ": sync failed with " + e.getMessage() + ", which no injected fault causes", e);
            }
            return new Attempt(null, e.getMessage());
        } catch (CrashingLedger.Crash e) {
            restart();
            return new Attempt(null, e.getMessage());
        } finally {
            noteOutbox();
            cursors.add(store.pulledPages().cursor());
        }
    }

    /** The laptop dies and starts again: the store reopened from its file, nothing kept in memory. */
    void restart() {
        store.close();
        store = LocalStore.unlock(file, PASSWORD);
        cursors.add(store.pulledPages().cursor());
    }

    private void notePushed(List<Change> changes) {
        changes.forEach(c -> pushed.add(c.changeId()));
    }

    /** Reads the change ids now in the outbox, so none can come and go unseen. */
    void noteOutbox() {
        try (PreparedStatement statement = outboxReader.prepareStatement("SELECT change_id, resident_id FROM outbox");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                UUID changeId = UUID.fromString(rows.getString(1));
                queued.add(changeId);
                residentOf.put(changeId, UUID.fromString(rows.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox of " + name + " cannot be read", e);
        }
    }

    /** The resident a change id that was in the outbox is for; null: not known. */
    UUID residentOf(UUID changeId) {
        return residentOf.get(changeId);
    }

    /** Every change id that was ever in this laptop's outbox. */
    Set<UUID> queued() {
        return queued;
    }

    /** Every change id this laptop tried to push. */
    Set<UUID> pushed() {
        return pushed;
    }

    /** The cursor after every sync attempt and restart, in order. */
    List<Long> cursors() {
        return cursors;
    }

    @Override
    public void close() {
        try {
            outboxReader.close();
        } catch (SQLException ignored) {
            // closing at the end of a run: nothing depends on it
        }
        store.close();
    }
}
