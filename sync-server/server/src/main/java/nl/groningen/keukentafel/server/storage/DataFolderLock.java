package nl.groningen.keukentafel.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The claim of one process on the embedded store's data folder: {@code serve} holds it while it
 * runs, {@code restore} takes it before it replaces the database, so a restore can tell that the
 * server is running. An operating-system lock on {@value #FILE_NAME}: it goes when the process
 * ends, however it ends, so it never stays behind after a crash.
 */
public final class DataFolderLock implements AutoCloseable {

    public static final String FILE_NAME = "keukentafel-server.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock of the folder, or empty when another process (or another part of this one) holds it. */
    public static Optional<DataFolderLock> tryAcquire(Path dataFolder) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dataFolder.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new DataFolderLock(channel, lock));
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("The lock file in " + dataFolder + " cannot be opened", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was locked through it
            }
        }
    }
}
