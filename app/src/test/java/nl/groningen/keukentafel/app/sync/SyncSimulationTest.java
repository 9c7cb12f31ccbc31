package nl.groningen.keukentafel.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded, deterministic simulation of sync under faults: three laptops (two of Sanne's, one of
 * Pieter's) with the real {@code LocalStore} and {@code SyncEngine}, the office pushing straight
 * to the server with no coach, and the real {@code ServerStore} (SQLite; a few seeds also on
 * PostgreSQL, and a few on two server instances sharing one PostgreSQL database). Per seed, 30 to 60 random steps: coaches finalise conversations with agreements,
 * edit agreements (due date, status, description) and appointments, add plan goals and tick
 * steps, change a resident's phone, record contact attempts and resolve their conflicts, all
 * offline; laptops sync; the office edits agreements and phones from a view it refreshes only now
 * and then, and moves residents between the coaches ({@code assign}). Everything random comes from
 * one {@code Random(seed)} ({@link Chaos}): ids, values, choices, faults; no wall clock. (The
 * store makes change ids and the server log ids with {@code randomUUID}, and the server stamps
 * conflicts with its clock, as in production: no choice in the run depends on them, so a seed
 * replays step for step, which {@link #aSeedReplaysStepForStep} pins.)
 *
 * <h2>The faults, and how each is modelled</h2>
 * <ul>
 *   <li><b>Request lost</b>: the in-memory transport ({@link FaultyTransport}) throws OFFLINE
 *       without calling the server.</li>
 *   <li><b>Answer lost</b>: the server commits the push (or serves the pull page), then the laptop
 *       hears OFFLINE; it must resend with the same change ids and get the stored answers.</li>
 *   <li><b>Request duplicated</b>: the server gets the push twice, the laptop one answer.</li>
 *   <li><b>Reordering</b>: a push is held up (the laptop hears OFFLINE) and reaches the server at a
 *       later step, after newer pushes and often after the laptop's own resend; a push already
 *       delivered may also arrive again, stale, much later ({@link SimulatedNetwork}).</li>
 *   <li><b>Server restart</b>: between steps, and in the middle of a request (which then fails and
 *       commits nothing, as a dropped connection rolls its transaction back), the
 *       {@code ServerStore} is closed and opened again on the same database.</li>
 *   <li><b>Restore from a backup</b> (a third of the runs, SQLite): the server is backed up at one
 *       step ({@code backup}) and restored from it at a later one ({@code restore}: a new epoch,
 *       the sequence moved on); what it answered in between is gone, and comes back only because
 *       the laptops send it again. The office keeps still in between: what the office changes on
 *       the server after a backup is lost by a restore by design (docs/operations.md).</li>
 *   <li><b>Laptop dies between applying a page and storing its cursor</b>: the app commits a page
 *       and its cursor in one transaction, so that moment does not exist as such; what can happen is
 *       a crash before that commit, during it, or after it. {@link CrashingLedger} makes the laptop
 *       die just before or just after each commit the sync makes (taking the outbox, storing the
 *       answers, applying a page, noting the time): the engine stops there, and the laptop reopens
 *       its store from the file with nothing kept in memory. A crash during the commit ends in one
 *       of those two states, because SQLite's commit is atomic (pinned with a killed process by
 *       {@code CrashSafetyTest}), so the two points cover every real crash. A pull answer lost
 *       after the server served it covers the page that never got committed from the other side.
 *       Laptops also die while idle.</li>
 *   <li><b>The coach saves during a sync</b>: in the app the background sync and the coach's saves
 *       share the store, so a save can land between any two steps of a sync; the ledger does one
 *       now and then.</li>
 *   <li>Pull pages are served smaller than asked (3 to 40 changes, per seed), so pulls take several
 *       pages and faults land between them.</li>
 * </ul>
 *
 * <h2>What must hold</h2>
 * Throughout, a sync may fail only as an injected fault makes it fail (OFFLINE, or the laptop
 * dying); any other failure (the laptop's store refusing a page, the server not answering a
 * change, an exception from the server) stops the run and fails the seed.
 *
 * <p>Then the faults stop, held-up pushes arrive, and every laptop syncs until a whole round pushes
 * and pulls nothing (a further sync changes nothing), within eight rounds. Then:
 * <ol>
 *   <li>every change id that was ever in a laptop's outbox (read from its file after every step) was
 *       pushed, the outboxes are empty, and every pushed change id (the laptops' and the office's)
 *       has exactly one answer on the server: applied or in conflict at the sequence number where the
 *       change log has it, or refused with a reason (and that refusal kept on the laptop); none lost;</li>
 *   <li>no change id is in the change log twice, and no laptop holds the same record twice;</li>
 *   <li>for each coach, every laptop of that coach holds exactly the residents, records and conflicts
 *       the server holds for that coach: everything that coach's laptops pull from cursor 0, folded
 *       by record id (tombstones remove, a move removes the resident); and that fold equals the
 *       server's own tables;</li>
 *   <li>every laptop's cursor only ever moved forward, through failures, crashes and restarts.</li>
 * </ol>
 *
 * <h2>Seeds</h2>
 * {@code -Dsimulation.seeds} (default 200) seeds from {@code -Dsimulation.firstSeed} (default 1)
 * on SQLite, {@code -Dsimulation.postgresSeeds} (default 3) of those also on PostgreSQL, and
 * {@code -Dsimulation.scaleOutSeeds} (default 3) also on two server instances on one PostgreSQL
 * database ({@link SimulatedServer#openScaledOut}: each request goes to the other instance than the
 * last, and a restart takes down one instance while the other serves). A failing seed's message
 * says how to run it alone and ends with the trace of its last steps.
 */
@ExtendWith(TestStores.class)
class SyncSimulationTest {

    private static final int SEEDS = Integer.getInteger("simulation.seeds", 200);
    private static final long FIRST_SEED = Long.getLong("simulation.firstSeed", 1L);
    private static final int POSTGRES_SEEDS = Integer.getInteger("simulation.postgresSeeds", 3);
    private static final int SCALE_OUT_SEEDS = Integer.getInteger("simulation.scaleOutSeeds", 3);
    private static final Dataset DATASET = SyncSimulation.tinyDataset();
    private static final String SERVER_FILE = "keukentafel-server.db";

    @TempDir
    Path tempDir;
    private Path work;

    /**
     * The runs' files go in memory (tmpfs) where the system has one: every laptop commit waits for
     * the disk (synchronous=FULL), which would make the seeds ten times slower, and durability is not
     * what this test is about (CrashSafetyTest is).
     */
    @BeforeEach
    void workFolder() throws IOException {
        Path memory = Path.of("/dev/shm");
        work = Files.isDirectory(memory) && Files.isWritable(memory)
                ? Files.createTempDirectory(memory, "keukentafel-simulation-") : tempDir;
    }

    @AfterEach
    void removeWorkFolder() throws IOException {
        delete(work);
    }

    @TestFactory
    Stream<DynamicTest> seedsOnSqlite() throws IOException {
        Path template = sqliteTemplate();
        Path blank = blankLaptop();
        return LongStream.range(FIRST_SEED, FIRST_SEED + SEEDS).mapToObj(seed -> dynamicTest("seed " + seed + " on SQLite",
                () -> runSeed(seed, StoreKind.SQLITE.label(),
                        SimulatedServer.open(copyOf(template, work.resolve("seed-" + seed + "/server"))), blank,
                        work.resolve("seed-" + seed))));
    }

    @TestFactory
    Stream<DynamicTest> aFewSeedsOnPostgresql(TestStores stores) {
        Path blank = blankLaptop();
        return LongStream.range(FIRST_SEED, FIRST_SEED + Math.min(SEEDS, POSTGRES_SEEDS)).mapToObj(seed -> dynamicTest(
                "seed " + seed + " on PostgreSQL", () -> {
                    StoreSettings settings = stores.fresh(StoreKind.POSTGRESQL);
                    try (ServerStore store = ServerStore.open(settings)) {
                        store.importDataset(DATASET);
                    }
                    runSeed(seed, StoreKind.POSTGRESQL.label(), SimulatedServer.open(settings), blank,
                            work.resolve("pg-seed-" + seed));
                }));
    }

    /**
     * Scale-out: two server instances on one PostgreSQL database, each with its own connection pool,
     * and every request of the laptops and the office going to the other instance than the last.
     * The same invariants must hold as on one server: the sequence numbers, the stored answers and
     * the scope live in the database, never in one instance's memory.
     */
    @TestFactory
    Stream<DynamicTest> aFewSeedsOnTwoServersSharingPostgresql(TestStores stores) {
        Path blank = blankLaptop();
        return LongStream.range(FIRST_SEED, FIRST_SEED + Math.min(SEEDS, SCALE_OUT_SEEDS)).mapToObj(seed -> dynamicTest(
                "seed " + seed + " on two servers sharing PostgreSQL", () -> {
                    StoreSettings settings = stores.fresh(StoreKind.POSTGRESQL);
                    try (ServerStore store = ServerStore.open(settings)) {
                        store.importDataset(DATASET);
                    }
                    runSeed(seed, "two servers sharing " + StoreKind.POSTGRESQL.label(), SimulatedServer.openScaledOut(settings),
                            blank, work.resolve("scale-out-seed-" + seed));
                }));
    }

    @Test
    void aSeedReplaysStepForStep() throws Exception {
        Path template = sqliteTemplate();
        Path blank = blankLaptop();
        String[] traces = new String[2];
        for (int i = 0; i < 2; i++) {
            Path folder = Files.createDirectories(work.resolve("replay-" + i));
            try (SimulatedServer server = SimulatedServer.open(copyOf(template, folder.resolve("server")));
                 SyncSimulation simulation = new SyncSimulation(FIRST_SEED, DATASET, server, blank, folder)) {
                simulation.run();
                traces[i] = simulation.traceTail(Integer.MAX_VALUE);
            }
        }
        assertThat(traces[1]).as("seed %d run twice", FIRST_SEED).isEqualTo(traces[0]);
    }

    /**
     * The faults include erasures that meet a laptop with changes still waiting for the resident:
     * without that, the erasure checks above would hold for want of trying.
     */
    @Test
    void theSeedsEraseResidentsWhileLaptopsStillHaveChangesForThem() throws Exception {
        Path template = sqliteTemplate();
        Path blank = blankLaptop();
        int erasures = 0;
        int answeredErased = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Path folder = Files.createDirectories(work.resolve("erasures-" + seed));
            try (SimulatedServer server = SimulatedServer.open(copyOf(template, folder.resolve("server")));
                 SyncSimulation simulation = new SyncSimulation(seed, DATASET, server, blank, folder)) {
                simulation.run();
                String trace = simulation.traceTail(Integer.MAX_VALUE);
                erasures += trace.split("office erased", -1).length - 1;
                answeredErased += trace.lines().filter(line -> line.contains("synced") && !line.contains("erased=0")).count();
            } finally {
                delete(folder);
            }
        }
        assertThat(erasures).as("erasures in 20 seeds").isGreaterThanOrEqualTo(5);
        assertThat(answeredErased).as("syncs that met an erased resident in 20 seeds").isGreaterThanOrEqualTo(2);
    }

    /** Runs one seed against {@code opened}, which it closes; {@code where} names the server(s) in the report. */
    private static void runSeed(long seed, String where, SimulatedServer opened, Path blank, Path folder) throws Exception {
        Files.createDirectories(folder);
        try (SimulatedServer server = opened;
             SyncSimulation simulation = new SyncSimulation(seed, DATASET, server, blank, folder)) {
            List<String> problems;
            try {
                problems = simulation.run();
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(report(seed, where, List.of("the run stopped: " + e), simulation), e);
            }
            if (!problems.isEmpty()) {
                throw new AssertionError(report(seed, where, problems, simulation));
            }
        } finally {
            delete(folder);
        }
    }

    private static String report(long seed, String where, List<String> problems, SyncSimulation simulation) {
        return "Sync simulation, seed " + seed + " on " + where + ": " + problems.size() + " broken\n  - "
                + String.join("\n  - ", problems)
                + "\nRun just this seed:\n  mvn -q verify -pl app -am -Dtest=SyncSimulationTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dsimulation.firstSeed=" + seed + " -Dsimulation.seeds=1"
                + "\nThe last steps of seed " + seed + ":\n" + simulation.traceTail(80);
    }

    /** A server database with the dataset imported, made once: each seed starts from a copy of the file. */
    private Path sqliteTemplate() throws IOException {
        Path folder = Files.createDirectories(work.resolve("template"));
        if (!Files.exists(folder.resolve(SERVER_FILE))) {
            try (ServerStore store = ServerStore.open(StoreSettings.embedded(folder))) {
                store.importDataset(DATASET);
            }
        }
        return folder;
    }

    /** A blank laptop file, made once: each laptop starts from a copy. */
    private Path blankLaptop() {
        Path file = work.resolve("blank-laptop.db");
        if (!Files.exists(file)) {
            SimulatedLaptop.makeBlank(file);
        }
        return file;
    }

    private static StoreSettings copyOf(Path template, Path folder) {
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(template)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(SERVER_FILE)).toList()) {
                    Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return StoreSettings.embedded(folder);
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
