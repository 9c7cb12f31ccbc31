package nl.groningen.keukentafel.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.demo.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coach's database, its {@code -wal} and {@code -shm}, and the folders the app makes for them
 * are for the laptop's user only (0600, 0700), after real use and for a file an older version left
 * readable to all. Only where the file system has POSIX permissions.
 */
class OwnerOnlyFilesTest {

    private static final char[] PASSWORD = "keukentafel-modes".toCharArray();

    @TempDir
    Path temp;

    @Test
    void theDatabaseItsWalAndShmAndItsFoldersAreForTheUserOnly() throws Exception {
        assumeTrue(Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null);
        Path file = temp.resolve("data").resolve("coaches").resolve("sanne.db");
        Dataset demo = DemoProfile.dataset(Clock.systemUTC());

        try (LocalStore store = LocalStore.create(file, PASSWORD, LocalStoreTest.FAST_KDF)) {
            DemoProfile.fill(store, demo, demo.coaches().get(0), true);
            assertThat(sibling(file, "-wal")).as("SQLite writes through its WAL while open").exists();
            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(mode(sibling(file, "-wal"))).isEqualTo("rw-------");
            assertThat(mode(sibling(file, "-shm"))).isEqualTo("rw-------");
        }
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        assertThat(mode(file.getParent().getParent())).as("the data folder it made").isEqualTo("rwx------");
    }

    @Test
    void aFileAnOlderVersionLeftReadableIsTightenedOnOpen() throws Exception {
        assumeTrue(Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null);
        Path file = temp.resolve("coaches").resolve("sanne.db");
        try (LocalStore store = LocalStore.create(file, PASSWORD, LocalStoreTest.FAST_KDF)) {
            store.referenceTable().saveCoach(DemoProfile.dataset(Clock.systemUTC()).coaches().get(0));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));

        try (LocalStore store = LocalStore.unlock(file, PASSWORD)) {
            store.referenceTable().saveCoach(DemoProfile.dataset(Clock.systemUTC()).coaches().get(0));
            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(mode(sibling(file, "-wal"))).isEqualTo("rw-------");
            assertThat(mode(sibling(file, "-shm"))).isEqualTo("rw-------");
            assertThat(mode(file.getParent())).isEqualTo("rwx------");
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
