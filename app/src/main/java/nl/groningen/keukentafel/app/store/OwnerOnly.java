package nl.groningen.keukentafel.app.store;

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
 * Files and folders with residents' data or this laptop's secrets (the coach's database, its
 * {@code -wal} and {@code -shm}, the settings, an export) that only the laptop's user may read:
 * files 0600, folders 0700. Where the file system has no POSIX permissions (Windows) the user's
 * own profile folder already keeps others out, and this does nothing.
 */
public final class OwnerOnly {

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    /** Makes {@code folder} (and any parent it has to make) 0700; an existing {@code folder} is tightened too. */
    public static void folder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            if (absolute.getParent() != null && !Files.isDirectory(absolute.getParent())) {
                folder(absolute.getParent());
            }
            try {
                if (posix(absolute.getParent())) {
                    Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
                } else {
                    Files.createDirectory(absolute);
                }
            } catch (FileAlreadyExistsException e) {
                // made meanwhile by another start: tightened below
            }
        }
        tighten(absolute, FOLDER);
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
                Files.createFile(absolute, attributes(absolute.getParent()));
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

    private static FileAttribute<?>[] attributes(Path folder) {
        return posix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
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
