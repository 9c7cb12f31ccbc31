package nl.groningen.keukentafel.app.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import nl.groningen.keukentafel.app.domain.LocalStoreException;
import nl.groningen.keukentafel.app.store.crypto.Keyring;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The coach's SQLite file, open: its one connection (WAL mode, foreign keys on, secure delete on,
 * migrated on open when it is behind), the keyring row, and the transactions. Writes are single transactions made
 * durable before they return. Every part of the store works under this object's lock, so the one
 * connection is used by one thread at a time.
 */
final class LocalDatabase implements AutoCloseable {

    /**
     * The version of the newest migration in {@code store/migration}. A file already at it is opened
     * without Flyway (which takes a few hundred milliseconds of a cold start to load and scan);
     * {@code LocalStoreTest} checks that this is the newest migration.
     */
    static final String SCHEMA_VERSION = "4";
    static final String MIGRATIONS = "classpath:nl/groningen/keukentafel/app/store/migration";

    private final Connection connection;

    private LocalDatabase(Connection connection) {
        this.connection = connection;
    }

    /** Whether a coach's database already exists at this path. */
    static boolean exists(Path file) {
        return Files.exists(file);
    }

    /** The coach's file with the store's connection settings (the start-up probe opens it the same way). */
    static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        // FULL: a commit is on disk before the call returns, so a power cut loses no saved record.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // A deleted row (an erased resident, a conversation past its retention) is overwritten with
        // zeros, not left readable in a free page of the file.
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    /**
     * Opens (or makes) the file, migrated to {@link #SCHEMA_VERSION}. The file is made (or, from an
     * older version, tightened) owner-only before SQLite opens it: SQLite gives the {@code -wal} and
     * {@code -shm} it makes the database file's mode.
     */
    static LocalDatabase connect(Path file) {
        try {
            OwnerOnly.folder(file.toAbsolutePath().getParent());
            OwnerOnly.file(file);
            OwnerOnly.tightenIfThere(file.resolveSibling(file.getFileName() + "-wal"));
            OwnerOnly.tightenIfThere(file.resolveSibling(file.getFileName() + "-shm"));
        } catch (IOException e) {
            throw new UncheckedIOException("The data folder cannot be created", e);
        }
        SQLiteDataSource dataSource = dataSource(file);
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new LocalStoreException("The local database cannot be opened", e);
        }
        try {
            if (!SCHEMA_VERSION.equals(schemaVersion(connection))) {
                Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate();
            }
            return new LocalDatabase(connection);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** The version the file's last migration brought it to, or null when it has none or that one failed. */
    static String schemaVersion(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery(
                     "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1")) {
            return last.next() && last.getBoolean(2) ? last.getString(1) : null;
        } catch (SQLException e) {
            return null; // a new file: no history table yet
        }
    }

    /** Stores a new file's keyring; closes the file if it cannot. */
    void saveKeyring(Keyring keyring) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO keyring (id, kdf, iterations, salt, wrapped_key) VALUES (1, ?, ?, ?, ?)")) {
            insert.setString(1, keyring.kdf());
            insert.setInt(2, keyring.iterations());
            insert.setBytes(3, keyring.salt());
            insert.setBytes(4, keyring.wrappedKey());
            insert.executeUpdate();
        } catch (SQLException e) {
            close();
            throw new LocalStoreException("The local database cannot be created", e);
        }
    }

    /** The file's keyring: the data key, still wrapped. */
    Keyring keyring() {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT kdf, iterations, salt, wrapped_key FROM keyring WHERE id = 1")) {
            if (!row.next()) {
                throw new LocalStoreException("The local database has no key; it cannot be opened", null);
            }
            return new Keyring(row.getString(1), row.getInt(2), row.getBytes(3), row.getBytes(4));
        } catch (SQLException e) {
            throw new LocalStoreException("The local database cannot be read", e);
        }
    }

    /** The one connection; use it under this object's lock. */
    Connection connection() {
        return connection;
    }

    /** Runs {@code work} as one transaction that waits for the disk (the coach's own saves). */
    synchronized void inTransaction(SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LocalStoreException("The local database refused the change; nothing of it was saved", e);
        }
    }

    /**
     * A transaction of the sync engine's bookkeeping (outbox marked sent or acknowledged, a pulled
     * page with its cursor, the last-sync time) that commits without waiting for the disk
     * (synchronous=NORMAL; the file stays consistent in WAL mode). A power cut may lose it, and then
     * the next sync redoes it: the server answers a resent change as before, and a lost page goes
     * together with its cursor, so it is pulled again. The coach's own saves still wait for the disk
     * (FULL), and each of them also makes every commit before it durable.
     */
    synchronized void inSyncTransaction(SqlWork work) {
        synchronousMode("NORMAL");
        try {
            inTransaction(work);
        } finally {
            synchronousMode("FULL");
        }
    }

    /**
     * After an erasure: the WAL still holds the pages as they were before the delete, so they are
     * copied into the file (where secure delete has zeroed the rows) and the WAL is cut to nothing.
     * Outside a transaction; a checkpoint that cannot finish now is done by SQLite later.
     */
    synchronized void truncateWal() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new LocalStoreException("The local database cannot be written", e);
        }
    }

    private void synchronousMode(String mode) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous = " + mode);
        } catch (SQLException e) {
            throw new LocalStoreException("The local database cannot be written", e);
        }
    }

    /** Closes the file. */
    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing after a failure: the failure is what the caller hears about
        }
    }

    /** Work on the connection inside a transaction. */
    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }
}
