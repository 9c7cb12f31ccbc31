package nl.groningen.keukentafel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.server.ServerCli.Result;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.http.SyncServer;
import nl.groningen.keukentafel.server.storage.DataFolderLock;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The restore drill of docs/operations.md, on both databases: laptops push while a backup is
 * taken, push more after it, then the backup goes back into a server that starts again. What was
 * in the backup is all there; laptops whose cursor is past the backup miss nothing the restored
 * server takes in; changes the restored server never saw are accepted again when re-pushed.
 */
@ExtendWith(TestStores.class)
class RestoreDrillTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Dataset AREA = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.AREA);
    private static final Pattern SEQUENCE = Pattern.compile("volgnummer (\\d+)");

    private final Clock clock = Clock.systemUTC();

    @TempDir
    Path backups;

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aBackupTakenDuringPushesRestoresWithoutLosingOrHidingAChange(StoreKind kind, TestStores stores) throws Exception {
        if (kind == StoreKind.POSTGRESQL) {
            PostgresTools.requireAvailable();
        }
        UUID sanne = AREA.coaches().get(0).id();
        UUID femke = AREA.coaches().get(1).id();
        Resident moved = AREA.caseloadOf(femke).get(0);
        List<Resident> caseload = AREA.caseloadOf(sanne);
        StoreSettings settings = stores.fresh(kind);
        Map<UUID, ChangeResult> answered = new ConcurrentHashMap<>();
        Map<UUID, Change> pushed = new ConcurrentHashMap<>();
        List<Change> afterBackup = new ArrayList<>();
        Change beforeBackup;
        String laptop;
        String secondLaptop;
        long cursor;
        long backupSequence;
        Path backup = backups.resolve(kind == StoreKind.SQLITE ? "keukentafel-server.db" : "keukentafel.dump");

        // A running server with laptops' data; a backup while laptops push.
        DataFolderLock lock = lockIfEmbedded(settings);
        String epochBefore;
        try (ServerStore store = ServerStore.open(settings);
             SyncServer server = new SyncServer(store, clock).start("127.0.0.1", 0)) {
            epochBefore = store.epoch();
            store.importDataset(AREA);
            store.assign(moved.id(), sanne, clock.instant());
            laptop = Laptops.enrol(store, server, "sanne", sanne);
            secondLaptop = Laptops.enrol(store, server, "sanne-reserve", sanne);
            List<Change> first = agreements(caseload, 20);
            beforeBackup = first.get(0);
            first.forEach(c -> pushed.put(c.changeId(), c));
            Laptops.push(server, laptop, first, 0).forEach(r -> answered.put(r.changeId(), r));

            AtomicBoolean backupDone = new AtomicBoolean();
            AtomicInteger pushesAfterBackup = new AtomicInteger();
            CompletableFuture<Void> pushing = CompletableFuture.runAsync(() -> {
                try {
                    while (pushesAfterBackup.get() < 3) {
                        List<Change> more = agreements(caseload, 5);
                        more.forEach(c -> pushed.put(c.changeId(), c));
                        Laptops.push(server, laptop, more, 0).forEach(r -> answered.put(r.changeId(), r));
                        if (backupDone.get()) {
                            pushesAfterBackup.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String said = kind == StoreKind.SQLITE
                    ? ServerCli.run(Map.of(), "backup", "--to", backup.toString(), "--data-dir", settings.sqliteFile().getParent().toString()).out()
                    : PostgresTools.dump(settings, backup);
            backupDone.set(true);
            pushing.get(2, TimeUnit.MINUTES);
            if (kind == StoreKind.SQLITE) {
                assertThat(said).startsWith("Back-up gemaakt: " + backup);
                backupSequence = sequenceIn(said);
            } else {
                backupSequence = -1; // known when the dump is restored
            }

            afterBackup.addAll(agreements(caseload, 10));
            afterBackup.forEach(c -> pushed.put(c.changeId(), c));
            Laptops.push(server, laptop, afterBackup, 0).forEach(r -> answered.put(r.changeId(), r));
            cursor = Laptops.pullAll(server, laptop, 0).nextCursor();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
        assertThat(answered.values()).allSatisfy(r -> assertThat(r.status()).isEqualTo(ChangeStatus.APPLIED));

        // The restore: into the same folder (SQLite), into a new database (PostgreSQL).
        StoreSettings restored;
        if (kind == StoreKind.SQLITE) {
            Result restore = ServerCli.run(Map.of(), "restore", "--from", backup.toString(), "--data-dir",
                    settings.sqliteFile().getParent().toString());
            assertThat(restore.exit()).as(restore.err()).isZero();
            assertThat(restore.out()).contains("tot en met volgnummer " + backupSequence, "before-restore-");
            restored = settings;
        } else {
            restored = stores.fresh(StoreKind.POSTGRESQL);
            PostgresTools.restore(restored, backup);
            Result marked = ServerCli.run(Map.of("KEUKENTAFEL_JDBC_PASSWORD", restored.password()), "mark-restored",
                    "--jdbc-url", restored.jdbcUrl(), "--jdbc-user", restored.user());
            assertThat(marked.exit()).as(marked.err()).isZero();
            backupSequence = sequenceIn(marked.out());
        }
        long inBackup = backupSequence;
        assertThat(inBackup).as("pushes went on after the backup").isLessThan(cursor);
        assertThat(answered.values()).as("pushes went on while the backup was taken")
                .anyMatch(r -> r.seq() > inBackup && afterBackup.stream().noneMatch(c -> c.changeId().equals(r.changeId())));

        lock = lockIfEmbedded(restored);
        try (ServerStore store = ServerStore.open(restored);
             SyncServer server = new SyncServer(store, clock).start("127.0.0.1", 0)) {
            assertThat(Laptops.get(server, "/health").body()).contains("\"status\":\"ok\"");
            assertThat(store.epoch()).as("a new epoch: laptops send again what they sent after the backup")
                    .isNotBlank().isNotEqualTo(epochBefore);
            assertThat(store.pull(sanne, cursor, 1).serverEpoch()).isEqualTo(store.epoch());

            // Everything up to the backup is there, nothing after it.
            Map<UUID, Long> held = store.pull(null, 0, 1_000_000).changes().stream()
                    .collect(Collectors.toMap(PulledChange::recordId, PulledChange::seq, Math::max));
            assertThat(answered).hasSameSizeAs(pushed);
            for (ChangeResult result : answered.values()) {
                UUID record = pushed.get(result.changeId()).recordId();
                if (result.seq() <= inBackup) {
                    assertThat(held).containsEntry(record, result.seq());
                } else {
                    assertThat(held).doesNotContainKey(record);
                }
            }
            assertThat(held.values()).allSatisfy(seq -> assertThat(seq).isLessThanOrEqualTo(inBackup));
            assertThat(held.values()).contains(inBackup);
            assertThat(store.caseloadOf(sanne)).as("the assignment before the backup").anyMatch(r -> r.id().equals(moved.id()));

            // The laptop's cursor is past the backup: what the restored server takes in must still reach it.
            Change madeAfterRestore = agreements(caseload, 1).get(0);
            ChangeResult fresh = Laptops.push(server, secondLaptop, List.of(madeAfterRestore), 0).get(0);
            assertThat(fresh.status()).isEqualTo(ChangeStatus.APPLIED);
            assertThat(fresh.seq()).isGreaterThan(cursor);
            assertThat(Laptops.pullAll(server, laptop, cursor).changes()).extracting(PulledChange::recordId)
                    .contains(madeAfterRestore.recordId());

            // Re-pushed: a change the restored server never saw is taken again; one it has gets its first answer.
            List<ChangeResult> again = Laptops.push(server, laptop, afterBackup, cursor);
            assertThat(again).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(ChangeStatus.APPLIED);
                assertThat(r.seq()).isGreaterThan(cursor);
            });
            assertThat(Laptops.push(server, laptop, List.of(beforeBackup), cursor)).containsExactly(answered.get(beforeBackup.changeId()));
            assertThat(Laptops.pullAll(server, laptop, cursor).changes()).extracting(PulledChange::recordId)
                    .containsAll(afterBackup.stream().map(Change::recordId).toList());
            assertThat(Laptops.get(server, "/metrics").body()).contains("keukentafel_sync_cursor_ahead_total 0.0");
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private static long sequenceIn(String text) {
        Matcher matcher = SEQUENCE.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static DataFolderLock lockIfEmbedded(StoreSettings settings) {
        return settings.sqliteFile() == null ? null : DataFolderLock.tryAcquire(settings.sqliteFile().getParent()).orElseThrow();
    }

    private static List<Change> agreements(List<Resident> residents, int count) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Resident resident = residents.get(i % residents.size());
            Agreement a = new Agreement(UUID.randomUUID(), resident.id(), UUID.randomUUID(), "Afspraak " + i,
                    AgreementOwner.COACH, null, TODAY.plusWeeks(2), AgreementStatus.OPEN, null, null);
            changes.add(new Change(UUID.randomUUID(), "agreement", a.id(), resident.id(), false, Json.mapper().valueToTree(a)));
        }
        return changes;
    }
}
