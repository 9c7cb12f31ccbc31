package nl.groningen.keukentafel.server.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders with residents' data or secrets on the server (the SQLite database, its
 * {@code -wal} and {@code -shm}, backups, the demo's enrolment code) that only the server's user
 * may read: files 0600, folders 0700. Where the file system has no POSIX permissions this does
 * nothing. The app's {@code app/store/OwnerOnly} does the same on the laptop; the server cannot
 * depend on the app, and the shared contract module is the wire contract, not a place for files.
 */
public final class OwnerOnly {

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    /** Makes {@code folder} (and any parent it has to make) 0700; an existing {@code folder} is tightened too. */
    public static void folder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        missingFolders(absolute);
        tighten(absolute, FOLDER);
    }

    /**
     * Makes {@code folder} and any missing parent 0700, and leaves a folder that is there as it is:
     * for a folder the operator names (where a backup goes), whose mode is theirs to choose.
     */
    public static void missingFolders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        if (absolute.getParent() != null) {
            missingFolders(absolute.getParent());
        }
        try {
            Files.createDirectory(absolute, attributes(absolute.getParent(), FOLDER));
            tighten(absolute, FOLDER); // the umask may have taken more than it should
        } catch (FileAlreadyExistsException e) {
            // made meanwhile by another command
        }
    }

    /**
     * Makes {@code file} empty and 0600 if it is not there (so whatever is written to it later,
     * and SQLite's {@code -wal} and {@code -shm}, which take the database file's mode, are never
     * readable by others), or tightens an existing one (a file from an older version, 0644).
     */
    public static void file(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (!Files.exists(absolute)) {
            try {
                Files.createFile(absolute, attributes(absolute.getParent(), FILE));
                tighten(absolute, FILE);
                return;
            } catch (FileAlreadyExistsException e) {
                // made meanwhile: tightened below
            }
        }
        tighten(absolute, FILE);
    }

    /** Tightens {@code file} to 0600 when it exists. */
    public static void tightenIfThere(Path file) throws IOException {
        if (Files.exists(file)) {
            tighten(file.toAbsolutePath(), FILE);
        }
    }

    private static FileAttribute<?>[] attributes(Path folder, Set<PosixFilePermission> permissions) {
        return posix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static void tighten(Path path, Set<PosixFilePermission> permissions) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null && !view.readAttributes().permissions().equals(permissions)) {
            view.setPermissions(permissions);
        }
    }

    private static boolean posix(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null
                ? java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                : Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }
}
