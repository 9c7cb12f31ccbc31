package nl.groningen.keukentafel.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Backup and restore of the embedded SQLite store. A backup is taken while the server runs
 * ({@code VACUUM INTO}: one read transaction, so a consistent snapshot that never waits for or
 * blocks the server's writes). A restore needs the server stopped, checks the file first, keeps the
 * database it replaces, and moves the sequence past anything a laptop can have pulled since the
 * backup (see {@link ServerStore#continueAfterRestore(long)}).
 */
public final class SqliteBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SqliteBackup() {
    }

    /** A backup made: where, how many bytes, the last sequence number it holds and its schema version. */
    public record Backup(Path file, long bytes, long lastSequence, String schemaVersion) {
    }

    /**
     * A restore done. {@code replacedSequence} is the last number of the database that was replaced
     * (null when there was none or it could not be read); {@code continuesAt} the number the
     * restored database hands out after; {@code keptAs} the replaced database (null when there was none).
     */
    public record Restore(long backupSequence, Long replacedSequence, long continuesAt, String schemaVersion, Path keptAs) {
    }

    /** Why a backup or restore was not done; nothing was changed. */
    public static final class BackupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** What went wrong, for the command line to say in its own words. */
        public enum Problem { NO_DATABASE, TARGET_EXISTS, NO_BACKUP_FILE, NOT_A_DATABASE, DAMAGED, NOT_A_KEUKENTAFEL_BACKUP,
            NEWER_SCHEMA, IO }

        private final Problem problem;
        private final String detail;

        BackupException(Problem problem, String detail, Throwable cause) {
            super(problem + (detail == null ? "" : ": " + detail), cause);
            this.problem = problem;
            this.detail = detail;
        }

        public Problem problem() {
            return problem;
        }

        /** The file name, check result or version the problem is about. */
        public String detail() {
            return detail;
        }
    }

    /**
     * Writes a consistent copy of the live database to {@code target} (readable by its owner only),
     * while the server may go on writing. Refuses to overwrite anything. The copy appears under its
     * name only when it is complete and on disk.
     */
    public static Backup backup(Path database, Path target) {
        if (!Files.isRegularFile(database)) {
            throw new BackupException(BackupException.Problem.NO_DATABASE, database.toString(), null);
        }
        if (Files.exists(target)) {
            throw new BackupException(BackupException.Problem.TARGET_EXISTS, target.toString(), null);
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            OwnerOnly.missingFolders(partial.toAbsolutePath().getParent());
            Files.deleteIfExists(partial);
            createPrivate(partial);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath() + "?busy_timeout=10000");
                 Statement statement = connection.createStatement()) {
                statement.execute("VACUUM INTO '" + partial.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            long sequence;
            String schema;
            try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + partial.toAbsolutePath())) {
                sequence = ChangeLog.lastSequence(copy);
                schema = schemaVersion(copy);
            }
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target); // no REPLACE_EXISTING: fails rather than overwrite
            if (Files.size(target) == 0) {
                throw new IOException("empty backup");
            }
            return new Backup(target, Files.size(target), sequence, schema);
        } catch (FileAlreadyExistsException e) {
            throw new BackupException(BackupException.Problem.TARGET_EXISTS, target.toString(), e);
        } catch (IOException | SQLException e) {
            deleteQuietly(partial);
            throw new BackupException(BackupException.Problem.IO, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the database with the backup. The caller holds the data folder's lock (the server is
     * stopped). The backup is checked on a copy first ({@code PRAGMA integrity_check}, a Keukentafel
     * schema no newer than this server's); the replaced database is kept beside it as
     * {@code keukentafel-server.db.before-restore-TIMESTAMP} (with its WAL, if it had one).
     */
    public static Restore restore(Path database, Path backup, Instant now) {
        if (!Files.isRegularFile(backup)) {
            throw new BackupException(BackupException.Problem.NO_BACKUP_FILE, backup.toString(), null);
        }
        Path restoring = database.resolveSibling(database.getFileName() + ".restoring");
        try {
            Files.deleteIfExists(restoring);
            createPrivate(restoring);
            try (java.io.OutputStream out = Files.newOutputStream(restoring, StandardOpenOption.TRUNCATE_EXISTING)) {
                Files.copy(backup, out); // into the private file: residents' data is never readable by others, not even briefly
            }
            Long replaced = Files.isRegularFile(database) ? readableSequence(database) : null;
            long backupSequence;
            long continuesAt;
            String schema;
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + restoring.toAbsolutePath())) {
                check(connection, backup);
                backupSequence = ChangeLog.lastSequence(connection);
                schema = schemaVersion(connection);
                checkSchemaNotNewer(restoring, backup);
                connection.setAutoCommit(false);
                continuesAt = ServerStore.continueAfterRestore(connection, replaced == null ? 0 : replaced);
                connection.commit();
            }
            try (FileChannel channel = FileChannel.open(restoring, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Path keptAs = null;
            if (Files.exists(database)) {
                keptAs = database.resolveSibling(database.getFileName() + ".before-restore-" + STAMP.format(now));
                for (String suffix : new String[] {"-wal", "-shm", ""}) {
                    Path file = database.resolveSibling(database.getFileName() + suffix);
                    if (Files.exists(file)) {
                        Files.move(file, keptAs.resolveSibling(keptAs.getFileName() + suffix));
                    }
                }
            }
            Files.move(restoring, database);
            return new Restore(backupSequence, replaced, continuesAt, schema, keptAs);
        } catch (SQLException e) {
            throw new BackupException(BackupException.Problem.NOT_A_DATABASE, backup.toString(), e);
        } catch (IOException e) {
            throw new BackupException(BackupException.Problem.IO, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                deleteQuietly(restoring.resolveSibling(restoring.getFileName() + suffix));
            }
        }
    }

    private static void check(Connection connection, Path backup) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            rows.next();
            String result = rows.getString(1);
            if (!"ok".equals(result)) {
                throw new BackupException(BackupException.Problem.DAMAGED, result, null);
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('sync_counter', 'flyway_schema_history')")) {
            rows.next();
            if (rows.getInt(1) != 2) {
                throw new BackupException(BackupException.Problem.NOT_A_KEUKENTAFEL_BACKUP, backup.toString(), null);
            }
        }
    }

    /** Migrations in the file that this server does not know mean a newer server made it: it cannot read it. */
    private static void checkSchemaNotNewer(Path file, Path backup) {
        Flyway flyway = Flyway.configure().dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null)
                .locations("classpath:db/migration", "classpath:db/sqlite").load();
        for (MigrationInfo migration : flyway.info().all()) {
            if (migration.getState() == MigrationState.FUTURE_SUCCESS || migration.getState() == MigrationState.FUTURE_FAILED) {
                throw new BackupException(BackupException.Problem.NEWER_SCHEMA, migration.getVersion().getVersion(), null);
            }
        }
    }

    private static Long readableSequence(Path database) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath() + "?open_mode=1")) {
            return ChangeLog.lastSequence(connection);
        } catch (SQLException e) {
            return null; // damaged or not ours: the margin alone moves the sequence on
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rows.next() ? rows.getString(1) : "0";
        }
    }

    private static void createPrivate(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
