package nl.groningen.keukentafel.app.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.SqliteBackup;
import nl.groningen.keukentafel.server.storage.StoreSettings;

/**
 * The sync server of one simulation run: the real {@link ServerStore}, which the simulation may
 * restart (close it and open it again on the same database, as after a crash or an update), and
 * plain SQL reads of its tables for the checks at the end, which must not go through the code
 * they check.
 *
 * <p>Scaled out ({@link #openScaledOut}), it is two server instances on one database, each with its
 * own {@code ServerStore} and so its own connection pool, as two server processes behind a load
 * balancer have: the requests take turns between them, one request each (so a laptop's push and
 * its pull, and the pages of one pull, are served by different instances), and a restart takes
 * down only the instance whose turn is next while the other keeps serving.
 */
final class SimulatedServer implements AutoCloseable {

    private final StoreSettings settings;
    private final ServerStore[] instances;
    /** The instance that takes the next request. */
    private int turn;
    /** The instance that took the last request: its answer carries that instance's epoch. */
    private int lastServed;

    private SimulatedServer(StoreSettings settings, int instanceCount) {
        this.settings = settings;
        this.instances = new ServerStore[instanceCount];
        try {
            for (int i = 0; i < instanceCount; i++) {
                instances[i] = ServerStore.open(settings);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Opens the store at {@code settings}, which already holds the simulation's caseloads. */
    static SimulatedServer open(StoreSettings settings) {
        return new SimulatedServer(settings, 1);
    }

    /**
     * Two server instances on the database at {@code settings} (PostgreSQL: SQLite is one process's
     * file), which already holds the simulation's caseloads; requests alternate between them.
     */
    static SimulatedServer openScaledOut(StoreSettings settings) {
        if (settings.sqliteFile() != null) {
            throw new IllegalArgumentException("Only a PostgreSQL server scales out to more than one instance");
        }
        return new SimulatedServer(settings, 2);
    }

    /** The instance whose turn it is; the turn passes to the next. */
    private ServerStore serving() {
        lastServed = turn;
        turn = (turn + 1) % instances.length;
        return instances[lastServed];
    }

    /** Whether this server can be backed up and restored here (SQLite: the server's own backup and restore). */
    boolean canBackUp() {
        return settings.sqliteFile() != null && instances.length == 1;
    }

    /** A backup while the server runs, as the nightly timer makes it; {@code target} must not exist. */
    long backUp(Path target) {
        return SqliteBackup.backup(settings.sqliteFile(), target).lastSequence();
    }

    /** The server goes down, the backup goes back in place ({@code restore}: a new epoch, the sequence moved on), and it starts again. */
    void restore(Path backup, Instant at) {
        instances[0].close();
        SqliteBackup.restore(settings.sqliteFile(), backup, at);
        instances[0] = ServerStore.open(settings);
    }

    /**
     * The server goes down and comes back on the same database: nothing but what was committed
     * survives. Scaled out, that is the instance whose turn is next; the other keeps running.
     */
    void restart() {
        instances[turn].close();
        instances[turn] = ServerStore.open(settings);
    }

    List<ChangeResult> push(UUID coachId, Long cursor, List<Change> changes) {
        return serving().push(coachId, cursor, changes);
    }

    /** The epoch the last request's answer carries: that of the instance that served it. */
    String epoch() {
        return instances[lastServed].epoch();
    }

    PullPage pull(UUID coachId, long after, int limit) {
        return serving().pull(coachId, after, limit);
    }

    UUID assign(UUID residentId, UUID toCoach, Instant at) {
        return serving().assign(residentId, toCoach, at);
    }

    /** An admin's erasure of the resident; false: there was none (erased before). */
    boolean erase(UUID residentId, Instant at) {
        return serving().erase(residentId, nl.groningen.keukentafel.contract.office.ErasureReason.REQUEST, null,
                nl.groningen.keukentafel.server.domain.Actor.SERVER, at) != null;
    }

    // ---- reads for the checks ---------------------------------------------------------------------

    /** Every stored answer, by change id. */
    Map<UUID, ChangeResult> answers() {
        Map<UUID, ChangeResult> answers = new LinkedHashMap<>();
        query("SELECT change_id, status, seq, reason FROM change_result", rows -> {
            while (rows.next()) {
                long seq = rows.getLong(3);
                Long seqOrNull = rows.wasNull() ? null : seq;
                UUID id = UUID.fromString(rows.getString(1));
                answers.put(id, new ChangeResult(id, ChangeStatus.valueOf(rows.getString(2)), seqOrNull, rows.getString(4)));
            }
        });
        return answers;
    }

    /** Change ids in the change log with the sequence numbers they were logged at (more than one means applied twice). */
    Map<UUID, List<Long>> loggedChanges() {
        Map<UUID, List<Long>> logged = new LinkedHashMap<>();
        query("SELECT change_id, seq FROM change_log ORDER BY seq", rows -> {
            while (rows.next()) {
                logged.computeIfAbsent(UUID.fromString(rows.getString(1)), k -> new ArrayList<>()).add(rows.getLong(2));
            }
        });
        return logged;
    }

    /** A row of the server's tables: a resident or a record, with its resident's coach. */
    record StoredRow(String kind, UUID id, UUID residentId, UUID coachId, String body) {
    }

    /** The residents and their records as the server's tables hold them now. */
    List<StoredRow> storedRows() {
        List<StoredRow> rows = new ArrayList<>();
        query("SELECT id, coach_id, body FROM resident", result -> {
            while (result.next()) {
                UUID id = UUID.fromString(result.getString(1));
                rows.add(new StoredRow("resident", id, id, uuidOrNull(result.getString(2)), result.getString(3)));
            }
        });
        query("""
                SELECT rr.kind, rr.id, rr.resident_id, r.coach_id, rr.body FROM resident_record rr
                JOIN resident r ON r.id = rr.resident_id""", result -> {
            while (result.next()) {
                rows.add(new StoredRow(result.getString(1), UUID.fromString(result.getString(2)),
                        UUID.fromString(result.getString(3)), uuidOrNull(result.getString(4)), result.getString(5)));
            }
        });
        return rows;
    }

    private static UUID uuidOrNull(String text) {
        return text == null ? null : UUID.fromString(text);
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, RowReader reader) {
        try (Connection connection = settings.user() == null ? DriverManager.getConnection(settings.jdbcUrl())
                : DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            reader.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("The server's tables cannot be read", e);
        }
    }

    @Override
    public void close() {
        for (ServerStore instance : instances) {
            if (instance != null) {
                instance.close();
            }
        }
    }
}
