package nl.groningen.keukentafel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.server.ServerCli.Result;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's files with residents' data or secrets are its user's only, whatever the umask: the
 * SQLite database with its -wal and -shm, a backup, the demo's enrolment code (0600), and the
 * folders the server makes for them (0700); files and a data folder from before are tightened.
 */
class OwnerOnlyFilesTest {

    private static final Coach SANNE = new Coach(UUID.randomUUID(), "Sanne Voorbeeld", "Zuid");

    @TempDir
    Path temp;

    @BeforeEach
    void onPosixOnly() {
        assumeTrue(Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null, "POSIX file permissions");
    }

    @Test
    void theDatabaseABackupAndTheDemoCodeAreMadeForTheOwnerOnly() throws IOException {
        Path data = temp.resolve("nieuw").resolve("data");
        Path backup = temp.resolve("backups").resolve("nacht").resolve("keukentafel-server-1.db");

        try (ServerStore store = ServerStore.open(StoreSettings.embedded(data))) {
            write(store);
            Result made = ServerCli.run(Map.of(), "backup", "--data-dir", data.toString(), "--to", backup.toString());
            Path code = ServerMain.Serve.writeDemoEnrolmentCode(store, data);

            assertThat(made.exit()).as(made.err()).isZero();
            assertOwnerOnly(data, "keukentafel-server.db", "keukentafel-server.db-wal", "keukentafel-server.db-shm");
            assertThat(mode(backup)).isEqualTo("rw-------");
            assertThat(mode(backup.getParent())).as("a backup folder the server made").isEqualTo("rwx------");
            assertThat(mode(code)).isEqualTo("rw-------");
        }
        assertThat(mode(temp.resolve("nieuw"))).as("a parent the server made").isEqualTo("rwx------");
    }

    @Test
    void filesAndTheDataFolderFromBeforeAreTightened() throws IOException {
        Path data = Files.createDirectory(temp.resolve("data"));
        try (ServerStore store = ServerStore.open(StoreSettings.embedded(data))) {
            write(store);
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String name : List.of("keukentafel-server.db", "keukentafel-server.db-wal", "keukentafel-server.db-shm",
                "demo-enrolment-code.txt")) {
            Path file = data.resolve(name);
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Path backups = Files.createDirectory(temp.resolve("backups"));
        Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("rwxr-x---"));

        Result coaches = ServerCli.run(Map.of(), "coaches", "--data-dir", data.toString());
        assertThat(coaches.exit()).as(coaches.err()).isZero();
        assertThat(mode(data)).isEqualTo("rwx------");
        try (ServerStore store = ServerStore.open(StoreSettings.embedded(data))) {
            store.accounts().createUser("femke", Role.OFFICE, null, "wachtwoord-van-femke".toCharArray());
            Result made = ServerCli.run(Map.of(), "backup", "--data-dir", data.toString(), "--to",
                    backups.resolve("keukentafel-server-2.db").toString());
            Path code = ServerMain.Serve.writeDemoEnrolmentCode(store, data);

            assertThat(made.exit()).as(made.err()).isZero();
            assertOwnerOnly(data, "keukentafel-server.db", "keukentafel-server.db-wal", "keukentafel-server.db-shm");
            assertThat(mode(backups.resolve("keukentafel-server-2.db"))).isEqualTo("rw-------");
            assertThat(mode(code)).isEqualTo("rw-------");
        }
        assertThat(mode(backups)).as("the operator's own backup folder keeps its mode").isEqualTo("rwxr-x---");
    }

    private static void write(ServerStore store) {
        store.importDataset(new Dataset(List.of(SANNE), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of()));
        store.accounts().createUser(ServerMain.DEMO_USER, Role.COACH, SANNE.id(), "wachtwoord-van-sanne".toCharArray());
    }

    private static void assertOwnerOnly(Path folder, String... files) throws IOException {
        assertThat(mode(folder)).as(folder.toString()).isEqualTo("rwx------");
        for (String file : files) {
            assertThat(folder.resolve(file)).as(file + " while the store is open").exists();
            assertThat(mode(folder.resolve(file))).as(file).isEqualTo("rw-------");
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
