package nl.groningen.keukentafel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.ServerCli.Result;
import nl.groningen.keukentafel.server.http.SyncServer;
import nl.groningen.keukentafel.server.storage.DataFolderLock;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup, restore and mark-restored on the command line: what they refuse, and what they leave behind. */
class BackupRestoreTest {

    private static final Dataset DEMO = new DemoDataGenerator(1, LocalDate.of(2026, 11, 22)).generate(DatasetSize.DEMO);

    @TempDir
    Path data;
    @TempDir
    Path elsewhere;

    private Path database;

    @BeforeEach
    void aServerWithData() {
        try (ServerStore store = ServerStore.open(StoreSettings.embedded(data))) {
            store.importDataset(DEMO);
        }
        database = StoreSettings.embedded(data).sqliteFile();
    }

    @Test
    void aBackupIsPrivateToItsOwnerAndNeverOverwritesAFile() throws Exception {
        Path backup = elsewhere.resolve("maandag.db");

        Result made = cli("backup", "--to", backup.toString());
        Result again = cli("backup", "--to", backup.toString());

        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(made.out()).contains("Back-up gemaakt: " + backup, "volgnummer " + lastSequence(database), "schemaversie");
        assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("bestaat al");
        assertThat(Files.list(elsewhere).toList()).containsExactly(backup);
    }

    @Test
    void restoreRefusesWhileTheServerRunsAndChangesNothing() throws Exception {
        Path backup = elsewhere.resolve("backup.db");
        cli("backup", "--to", backup.toString());
        long before = lastSequence(database);

        Result refused;
        try (DataFolderLock running = DataFolderLock.tryAcquire(data).orElseThrow()) {
            refused = cli("restore", "--from", backup.toString());
        }

        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.err()).contains("De server draait nog", "Er is niets veranderd");
        assertThat(lastSequence(database)).isEqualTo(before);
        assertThat(Files.list(data).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-restore"));
    }

    @Test
    void aSecondServerDoesNotStartOnTheSameDataFolder() {
        Result second;
        try (DataFolderLock running = DataFolderLock.tryAcquire(data).orElseThrow()) {
            second = cli("serve", "--port", "0");
        }

        assertThat(second.exit()).isEqualTo(3);
        assertThat(second.err()).contains("Er draait al een keukentafel-server op de gegevensmap");
    }

    @Test
    void restoreRefusesADamagedFileAStrangeFileAndOneFromANewerServer() throws Exception {
        Path backup = elsewhere.resolve("backup.db");
        cli("backup", "--to", backup.toString());
        Path damaged = Files.copy(backup, elsewhere.resolve("damaged.db"));
        try (var file = java.nio.channels.FileChannel.open(damaged, java.nio.file.StandardOpenOption.WRITE)) {
            long size = file.size();
            file.write(java.nio.ByteBuffer.wrap(new byte[8192]), size / 2 - size / 2 % 4096); // two pages in the middle zeroed
        }
        Path strange = elsewhere.resolve("strange.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + strange);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE boodschappen (wat TEXT)");
        }
        Path text = Files.writeString(elsewhere.resolve("notes.db"), "geen database");
        Path newer = Files.copy(backup, elsewhere.resolve("newer.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + newer);
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                        installed_by, execution_time, success)
                    VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', 0, 1)""");
        }
        long before = lastSequence(database);

        Map<Path, String> expected = Map.of(damaged, "is beschadigd", strange, "geen back-up van de Keukentafel-server",
                text, "geen SQLite-database", newer, "nieuwere server (schemaversie 99)",
                elsewhere.resolve("missing.db"), "bestaat niet");
        expected.forEach((file, says) -> {
            Result refused = cli("restore", "--from", file.toString());
            assertThat(refused.exit()).as(file.toString()).isEqualTo(1);
            assertThat(refused.err()).contains(says, "Er is niets veranderd");
        });

        assertThat(lastSequence(database)).isEqualTo(before);
        assertThat(Files.list(data).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.contains("before-restore") || n.contains("restoring"));
    }

    @Test
    void restoreKeepsTheReplacedDatabaseAndContinuesPastItsNumbers() throws Exception {
        Path backup = elsewhere.resolve("backup.db");
        cli("backup", "--to", backup.toString());
        long inBackup = lastSequence(database);
        try (ServerStore store = ServerStore.open(StoreSettings.embedded(data))) {
            store.push(DEMO.coaches().get(0).id(), agreements(3));
        }
        long replaced = lastSequence(database);

        Result restored = cli("restore", "--from", backup.toString());

        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("tot en met volgnummer " + inBackup, "tot en met volgnummer " + replaced);
        List<Path> kept = Files.list(data).filter(p -> p.getFileName().toString().startsWith("keukentafel-server.db.before-restore-"))
                .filter(p -> !p.getFileName().toString().endsWith("-wal") && !p.getFileName().toString().endsWith("-shm")).toList();
        assertThat(kept).singleElement().satisfies(old -> assertThat(lastSequence(old)).isEqualTo(replaced));
        assertThat(lastSequence(database)).isEqualTo(replaced + nl.groningen.keukentafel.server.storage.ChangeLog.RESTORE_SEQUENCE_MARGIN);
        try (ServerStore store = ServerStore.open(StoreSettings.embedded(data))) {
            assertThat(store.countResidents()).isEqualTo(DEMO.residents().size());
        }
    }

    @Test
    void onPostgresqlBackupAndRestorePointToPgDump() {
        Result backup = cli("backup", "--to", elsewhere.resolve("x").toString(), "--jdbc-url", "jdbc:postgresql://localhost/keukentafel");
        Result restore = cli("restore", "--from", elsewhere.resolve("x").toString(), "--jdbc-url", "jdbc:postgresql://localhost/keukentafel");

        assertThat(backup.exit()).isEqualTo(2);
        assertThat(restore.exit()).isEqualTo(2);
        assertThat(backup.err()).contains("pg_dump -Fc", "mark-restored");
    }

    @Test
    void aLaptopAheadOfARestoredButUnmarkedServerIsCountedForAlerting() throws Exception {
        Path backup = elsewhere.resolve("backup.db");
        long cursor;
        try (ServerStore store = ServerStore.open(StoreSettings.embedded(data));
             SyncServer server = new SyncServer(store, Clock.systemUTC()).start("127.0.0.1", 0)) {
            String laptop = Laptops.enrol(store, server, "sanne", DEMO.coaches().get(0).id());
            cli("backup", "--to", backup.toString());
            Laptops.push(server, laptop, agreements(3), 0);
            cursor = Laptops.pullAll(server, laptop, 0).nextCursor();
        }
        // Put back by hand, as a file-system snapshot would be, without mark-restored.
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + suffix));
        }
        Files.copy(backup, database, StandardCopyOption.REPLACE_EXISTING);

        try (ServerStore store = ServerStore.open(StoreSettings.embedded(data));
             SyncServer server = new SyncServer(store, Clock.systemUTC()).start("127.0.0.1", 0)) {
            String token = Laptops.enrol(store, server, "sanne-2", DEMO.coaches().get(0).id());
            Laptops.pullAll(server, token, cursor);

            assertThat(Laptops.get(server, "/metrics").body()).contains("keukentafel_sync_cursor_ahead_total 1.0");
        }
    }

    private Result cli(String... args) {
        boolean storeGiven = List.of(args).contains("--jdbc-url");
        String[] all = java.util.Arrays.copyOf(args, args.length + (storeGiven ? 0 : 2));
        if (!storeGiven) {
            all[args.length] = "--data-dir";
            all[args.length + 1] = data.toString();
        }
        return ServerCli.run(Map.of(), all);
    }

    private static long lastSequence(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT value FROM sync_counter")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<Change> agreements(int count) {
        List<Resident> caseload = DEMO.caseloadOf(DEMO.coaches().get(0).id());
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            Resident resident = caseload.get(i);
            Agreement a = new Agreement(UUID.randomUUID(), resident.id(), UUID.randomUUID(), "Afspraak " + i,
                    AgreementOwner.COACH, null, LocalDate.of(2026, 12, 1), AgreementStatus.OPEN, null, null);
            return new Change(UUID.randomUUID(), "agreement", a.id(), resident.id(), false, Json.mapper().valueToTree(a));
        }).toList();
    }
}
