package nl.groningen.keukentafel.server.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.SocialMapEntry;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.contract.sync.ReferenceBundle;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.server.domain.StoreKind;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The server's database, SQLite or PostgreSQL behind the same SQL. Opening it runs the
 * migrations; every write is one transaction, so a failed import leaves nothing behind.
 */
public final class ServerStore implements AutoCloseable {

    private static final int BATCH = 500;

    private final StoreKind kind;
    private final HikariDataSource dataSource;
    private final HikariDataSource readSource;
    private final String schemaVersion;
    private final ObjectMapper json = Json.mapper();
    /** Read once at open: only a restore changes it, and that runs with the server stopped. */
    private volatile String epoch;

    private ServerStore(StoreKind kind, HikariDataSource dataSource, HikariDataSource readSource, String schemaVersion) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.readSource = readSource;
        this.schemaVersion = schemaVersion;
        this.epoch = inTransaction(ServerStore::ensureEpoch);
    }

    /**
     * Connects, migrates to the current schema, and returns the open store. On SQLite, writes go
     * through one connection that starts its transactions IMMEDIATE (one writer at a time, waiting
     * its turn instead of failing busy), and reads through others that never wait for a writer.
     */
    public static ServerStore open(StoreSettings settings) {
        StoreKind kind = settings.kind();
        HikariDataSource writes;
        HikariDataSource reads;
        if (kind == StoreKind.SQLITE) {
            // FULL: a commit is on disk before a laptop hears "applied" or pulls past it. With NORMAL a power
            // cut could lose the last commits after laptops were answered, and their numbers would be reused.
            String pragmas = "?journal_mode=WAL&foreign_keys=on&busy_timeout=10000&synchronous=FULL";
            writes = pool(settings, settings.jdbcUrl() + pragmas + "&transaction_mode=IMMEDIATE", 1, "write");
            reads = pool(settings, settings.jdbcUrl() + pragmas, 4, "read");
        } else {
            writes = pool(settings, settings.jdbcUrl(), 16, "all");
            reads = writes;
        }
        String version;
        try {
            Flyway flyway = Flyway.configure().dataSource(writes).locations("classpath:db/migration").load();
            flyway.migrate();
            MigrationInfo current = flyway.info().current();
            version = current == null ? "0" : current.getVersion().getVersion();
        } catch (RuntimeException e) {
            writes.close();
            reads.close();
            throw e;
        }
        try {
            return new ServerStore(kind, writes, reads, version);
        } catch (RuntimeException e) {
            writes.close();
            reads.close();
            throw e;
        }
    }

    private static HikariDataSource pool(StoreSettings settings, String url, int size, String role) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (settings.kind() == StoreKind.POSTGRESQL) {
            config.setUsername(settings.user());
            config.setPassword(settings.password());
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        config.setMaximumPoolSize(size);
        config.setPoolName("keukentafel-" + settings.kind().label() + "-" + role);
        return new HikariDataSource(config);
    }

    public StoreKind kind() {
        return kind;
    }

    /** The version of the newest migration applied (migrations run only at open, so it is known then). */
    public String schemaVersion() {
        return schemaVersion;
    }

    /**
     * The epoch of this database: made at its first start, new after every restore from a backup.
     * Push and pull answers carry it, so a laptop learns that the server forgot what it answered
     * after the backup, and sends that again.
     */
    public String epoch() {
        return epoch;
    }

    /** The epoch stored, made now if there is none (a new or just-migrated database). Two servers starting at once agree. */
    private static String ensureEpoch(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO server_epoch (id, epoch) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.executeUpdate();
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT epoch FROM server_epoch WHERE id = 1")) {
            row.next();
            return row.getString(1);
        }
    }

    /** Stores a whole dataset in one transaction: all of it, or (on any error) none of it. */
    public void importDataset(Dataset dataset) {
        inTransaction(connection -> {
            batch(connection, "INSERT INTO coach (id, name, area) VALUES (?, ?, ?)", dataset.coaches(),
                    (statement, coach) -> {
                        statement.setString(1, coach.id().toString());
                        statement.setString(2, coach.name());
                        statement.setString(3, coach.area());
                    });
            batch(connection, "INSERT INTO resident (id, coach_id, client_number, body) VALUES (?, ?, ?, ?)",
                    dataset.residents(), (statement, resident) -> {
                        statement.setString(1, resident.id().toString());
                        statement.setString(2, resident.coachId() == null ? null : resident.coachId().toString());
                        statement.setString(3, resident.clientNumber());
                        statement.setString(4, toJson(resident));
                    });
            records(connection, "contact_attempt", dataset.contactAttempts(), a -> a.id(), a -> a.residentId());
            records(connection, "appointment", dataset.appointments(), a -> a.id(), a -> a.residentId());
            records(connection, "conversation", dataset.conversations(), c -> c.id(), c -> c.residentId());
            records(connection, "agreement", dataset.agreements(), a -> a.id(), a -> a.residentId());
            records(connection, "referral", dataset.referrals(), r -> r.id(), r -> r.residentId());
            records(connection, "development_plan", dataset.developmentPlans(), p -> p.id(), p -> p.residentId());
            batch(connection, "INSERT INTO social_map_entry (id, body) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                    dataset.socialMap(), (statement, entry) -> {
                        statement.setString(1, entry.id().toString());
                        statement.setString(2, toJson(entry));
                    });
            logImport(connection);
            return null;
        });
    }

    // ---- sync ------------------------------------------------------------------------------------

    /**
     * Applies a batch of changes pushed by a coach's laptop, in one transaction. Each change is
     * applied once: a change id seen before gets the answer it got then. A change outside the
     * coach's caseload, of an unknown kind, with a body that is not a valid record, or to a
     * finalised conversation is refused with a reason, and that answer is kept too. Agreements,
     * referrals, appointments, plans and residents are merged per field with what the server has;
     * fields changed on both sides keep the server's value and get a {@code conflict} record.
     */
    public List<ChangeResult> push(UUID coachId, List<Change> changes) {
        return push(coachId, null, changes);
    }

    /**
     * As {@link #push(UUID, List)}; {@code cursor} is the laptop's pull cursor, so changes to a
     * resident who moved away after it are still taken. A null coach is the office: every resident.
     */
    public List<ChangeResult> push(UUID coachId, Long cursor, List<Change> changes) {
        return push(coachId, cursor, changes, () -> { });
    }

    /** As {@link #push(UUID, Long, List)}, running {@code beforeCommit} inside the transaction (tests hold it open). */
    List<ChangeResult> push(UUID coachId, Long cursor, List<Change> changes, Runnable beforeCommit) {
        return inTransaction(connection -> new Push(connection, kind, json, coachId, cursor == null ? 0 : cursor)
                .apply(changes, beforeCommit));
    }

    /**
     * The changes to a coach's residents after a cursor, in sequence order, at most {@code limit}.
     * Because sequence numbers are taken under the counter's lock, a number is never visible before
     * every lower number is: the laptop can store the last one it got and ask from there. A null
     * coach (the office) gets every change.
     */
    public PullPage pull(UUID coachId, long after, int limit) {
        return pull(coachId, after, limit, body -> {
            try {
                return json.readTree(body);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * As {@link #pull(UUID, long, int)}, with every body as the JSON text stored, not parsed: for
     * sending the page on as it is. The stored text is what {@code push} wrote with the contract's
     * mapper, so parsing it only to write it out again would cost the server time for nothing.
     */
    public PullPage pullToSend(UUID coachId, long after, int limit) {
        return pull(coachId, after, limit, body -> json.getNodeFactory().rawValueNode(new RawValue(body)));
    }

    private PullPage pull(UUID coachId, long after, int limit, Function<String, JsonNode> bodies) {
        return inReadTransaction(connection -> {
            List<PulledChange> changes = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(coachId == null ? """
                    SELECT seq, kind, record_id, resident_id, deleted, body FROM change_log
                    WHERE seq > ? ORDER BY seq LIMIT ?""" : """
                    SELECT seq, kind, record_id, resident_id, deleted, body FROM change_log
                    WHERE coach_id = ? AND seq > ? ORDER BY coach_id, seq LIMIT ?""")) {
                int i = 1;
                if (coachId != null) {
                    statement.setString(i++, coachId.toString());
                }
                statement.setLong(i++, after);
                statement.setInt(i, limit + 1);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String body = rows.getString(6);
                        changes.add(new PulledChange(rows.getLong(1), rows.getString(2), UUID.fromString(rows.getString(3)),
                                UUID.fromString(rows.getString(4)), rows.getBoolean(5), body == null ? null : bodies.apply(body)));
                    }
                }
            }
            boolean more = changes.size() > limit;
            List<PulledChange> page = more ? changes.subList(0, limit) : changes;
            long next = page.isEmpty() ? after : page.get(page.size() - 1).seq();
            return new PullPage(page, next, more, more ? remainingAfter(connection, coachId, next) : 0, epoch);
        });
    }

    private long remainingAfter(Connection connection, UUID coachId, long after) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(coachId == null
                ? "SELECT COUNT(*) FROM change_log WHERE seq > ?"
                : "SELECT COUNT(*) FROM change_log WHERE coach_id = ? AND seq > ?")) {
            int i = 1;
            if (coachId != null) {
                statement.setString(i++, coachId.toString());
            }
            statement.setLong(i, after);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private String residentBody(Connection connection, UUID residentId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT body FROM resident WHERE id = ?")) {
            statement.setString(1, residentId.toString());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private String assignedCoach(Connection connection, UUID residentId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT coach_id FROM resident WHERE id = ?")) {
            statement.setString(1, residentId.toString());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Takes {@code count} sequence numbers; returns the last. Locks the counter until the transaction ends. */
    static long nextSequence(Connection connection, int count) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE sync_counter SET value = value + ? WHERE id = 1 RETURNING value")) {
            statement.setInt(1, count);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * How far the sequence jumps after a restore. Laptops may hold cursors up to the last number the
     * lost database handed out, which the restored one never saw; new changes must get numbers above
     * all of those, or a laptop would skip them. A billion is more changes than the server takes in
     * decades, so it is past anything handed out between the backup and the restore.
     */
    public static final long RESTORE_SEQUENCE_MARGIN = 1_000_000_000L;

    /** The last sequence number handed out: every change a laptop can have pulled is at or below it. */
    public long lastSequence() {
        return inReadTransaction(ServerStore::lastSequence);
    }

    static long lastSequence(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT value FROM sync_counter WHERE id = 1")) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Tells a restored database that it was restored: moves the sequence past anything a laptop can
     * have seen ({@code atLeast}, if known, plus {@link #RESTORE_SEQUENCE_MARGIN}) and returns the
     * new last number. Laptops keep their cursors and pull what comes after, so nothing new is skipped.
     * It also gives the database a new epoch, so laptops send again what it was answered after the backup.
     */
    public long continueAfterRestore(long atLeast) {
        long next = inTransaction(connection -> continueAfterRestore(connection, atLeast));
        epoch = inTransaction(ServerStore::ensureEpoch);
        return next;
    }

    static long continueAfterRestore(Connection connection, long atLeast) throws SQLException {
        long next = Math.max(lastSequence(connection), atLeast) + RESTORE_SEQUENCE_MARGIN;
        try (PreparedStatement statement = connection.prepareStatement("UPDATE sync_counter SET value = ? WHERE id = 1")) {
            statement.setLong(1, next);
            statement.executeUpdate();
        }
        renewEpoch(connection);
        return next;
    }

    /**
     * A new epoch for a restored database. A backup from before the epoch existed has no table for
     * it yet; the migration at the next start makes one, and a new epoch with it.
     */
    private static void renewEpoch(Connection connection) throws SQLException {
        boolean hasTable;
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "server_epoch", null)) {
            hasTable = tables.next();
        }
        if (!hasTable) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO server_epoch (id, epoch) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET epoch = excluded.epoch""")) {
            statement.setString(1, UUID.randomUUID().toString());
            statement.executeUpdate();
        }
    }

    /** Logs a change for one coach's laptops to pull ({@code audience}; null: nobody's until assigned). */
    void log(Connection connection, long seq, UUID changeId, String kind, UUID recordId, UUID residentId,
                     boolean deleted, String body, String audience) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO change_log (seq, change_id, kind, record_id, resident_id, deleted, body, coach_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            statement.setLong(1, seq);
            statement.setString(2, changeId.toString());
            statement.setString(3, kind);
            statement.setString(4, recordId.toString());
            statement.setString(5, residentId.toString());
            statement.setBoolean(6, deleted);
            statement.setString(7, body);
            statement.setString(8, audience);
            statement.executeUpdate();
        }
    }

    /** An imported caseload is logged like pushed changes, so laptops pull it the same way. */
    private void logImport(Connection connection) throws SQLException {
        logRows(connection, rows(connection, """
                SELECT 'resident', id, id, body, coach_id FROM resident WHERE id NOT IN (SELECT record_id FROM change_log)
                UNION ALL
                SELECT rr.kind, rr.id, rr.resident_id, rr.body, r.coach_id FROM resident_record rr
                JOIN resident r ON r.id = rr.resident_id
                WHERE rr.id NOT IN (SELECT record_id FROM change_log)""", null),
                row -> UUID.nameUUIDFromBytes(("import/" + row.id()).getBytes(StandardCharsets.UTF_8)));
    }

    /** A record as it goes into the log: kind, id, resident, body and the coach who pulls it. */
    private record LogRow(String kind, String id, String residentId, String body, String audience) {
    }

    private List<LogRow> rows(Connection connection, String sql, String parameter) throws SQLException {
        List<LogRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
                statement.setString(2, parameter);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new LogRow(result.getString(1), result.getString(2), result.getString(3), result.getString(4),
                            result.getString(5)));
                }
            }
        }
        return rows;
    }

    /** Logs rows as written records (not deletes) under consecutive sequence numbers. */
    private void logRows(Connection connection, List<LogRow> rows, Function<LogRow, UUID> changeId) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        long first = nextSequence(connection, rows.size()) - rows.size() + 1;
        List<long[]> seqs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            seqs.add(new long[] {first + i, i});
        }
        batch(connection, """
                INSERT INTO change_log (seq, change_id, kind, record_id, resident_id, deleted, body, coach_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", seqs, (statement, seq) -> {
            LogRow row = rows.get((int) seq[1]);
            statement.setLong(1, seq[0]);
            statement.setString(2, changeId.apply(row).toString());
            statement.setString(3, row.kind());
            statement.setString(4, row.id());
            statement.setString(5, row.residentId());
            statement.setBoolean(6, false);
            statement.setString(7, row.body());
            statement.setString(8, row.audience());
        });
    }

    // ---- moving residents between coaches ------------------------------------------------------

    /**
     * Assigns a resident to a coach (the office's assign and transfer). The new coach's laptops
     * receive the resident with the full history, logged again for them; the old coach's laptops
     * get a {@code resident_moved} marker, push what they still have for the resident (still taken,
     * see {@link #push(UUID, Long, List)}), and purge it. Returns the coach the resident had, or
     * null. Assigning to the coach the resident already has changes nothing.
     */
    public UUID assign(UUID residentId, UUID toCoach, Instant at) {
        return inTransaction(connection -> {
            String body = residentBody(connection, residentId);
            if (body == null) {
                throw new StoreException("No resident with id " + residentId, null);
            }
            if (!coachExists(connection, toCoach)) {
                throw new StoreException("No coach with id " + toCoach, null);
            }
            String from = assignedCoach(connection, residentId);
            if (toCoach.toString().equals(from)) {
                return from == null ? null : UUID.fromString(from);
            }
            ObjectNode moved;
            try {
                moved = (ObjectNode) json.readTree(body);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            moved.put("coach_id", toCoach.toString());
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE resident SET coach_id = ?, body = ? WHERE id = ?")) {
                statement.setString(1, toCoach.toString());
                statement.setString(2, toJson(moved));
                statement.setString(3, residentId.toString());
                statement.executeUpdate();
            }
            long markerSeq = nextSequence(connection, 1);
            if (from != null) {
                log(connection, markerSeq, UUID.randomUUID(), RecordKind.RESIDENT_MOVED.wireName(), residentId, residentId, true, null, from);
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO resident_move (seq, resident_id, from_coach, to_coach, moved_at) VALUES (?, ?, ?, ?, ?)")) {
                statement.setLong(1, markerSeq);
                statement.setString(2, residentId.toString());
                statement.setString(3, from);
                statement.setString(4, toCoach.toString());
                statement.setLong(5, at.toEpochMilli());
                statement.executeUpdate();
            }
            logRows(connection, rows(connection, """
                    SELECT 'resident', r.id, r.id, r.body, r.coach_id FROM resident r WHERE r.id = ?
                    UNION ALL
                    SELECT rr.kind, rr.id, rr.resident_id, rr.body, r.coach_id FROM resident_record rr
                    JOIN resident r ON r.id = rr.resident_id WHERE rr.resident_id = ?""", residentId.toString()),
                    row -> UUID.randomUUID());
            return from == null ? null : UUID.fromString(from);
        });
    }

    private boolean coachExists(Connection connection, UUID coachId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM coach WHERE id = ?")) {
            statement.setString(1, coachId.toString());
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    /** The resident with this client number, or null. */
    public UUID residentByClientNumber(String clientNumber) {
        return inReadTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM resident WHERE client_number = ?")) {
                statement.setString(1, clientNumber);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? UUID.fromString(row.getString(1)) : null;
                }
            }
        });
    }

    public int countResidents() {
        return inReadTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM resident");
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /**
     * The reference data and the sociale kaart every laptop holds; the version is a hash of it all,
     * so a laptop that has this version already need not store it again.
     */
    public ReferenceBundle reference() {
        return inReadTransaction(connection -> {
            List<String> bodies = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT body FROM social_map_entry ORDER BY id");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
            try {
                List<SocialMapEntry> entries = new ArrayList<>();
                for (String body : bodies) {
                    entries.add(json.readValue(body, SocialMapEntry.class));
                }
                ReferenceData data = ReferenceData.standard();
                java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
                digest.update(json.writeValueAsBytes(data));
                bodies.forEach(b -> digest.update(b.getBytes(StandardCharsets.UTF_8)));
                return new ReferenceBundle(java.util.HexFormat.of().formatHex(digest.digest(), 0, 16), data, entries);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        });
    }

    /** The residents assigned to a coach, in client-number order. */
    public List<Resident> caseloadOf(UUID coachId) {
        return inReadTransaction(connection -> {
            List<Resident> residents = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT body FROM resident WHERE coach_id = ? ORDER BY client_number")) {
                statement.setString(1, coachId.toString());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        residents.add(json.readValue(rows.getString(1), Resident.class));
                    }
                }
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            return residents;
        });
    }

    @Override
    public void close() {
        if (readSource != dataSource) {
            readSource.close();
        }
        dataSource.close();
    }

    private <T> void records(Connection connection, String kind, List<T> records,
                             Function<T, UUID> id, Function<T, UUID> residentId) throws SQLException {
        batch(connection, "INSERT INTO resident_record (id, kind, resident_id, body) VALUES (?, ?, ?, ?)", records,
                (statement, record) -> {
                    statement.setString(1, id.apply(record).toString());
                    statement.setString(2, kind);
                    statement.setString(3, residentId.apply(record).toString());
                    statement.setString(4, toJson(record));
                });
    }

    private <T> void batch(Connection connection, String sql, List<T> items, Binder<T> binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Users, enrolment codes and devices in this store. */
    public Accounts accounts() {
        return new Accounts(this);
    }

    <T> T inTransaction(Work<T> work) {
        return inTransaction(dataSource, work);
    }

    <T> T inReadTransaction(Work<T> work) {
        return inTransaction(readSource, work);
    }

    private static <T> T inTransaction(HikariDataSource source, Work<T> work) {
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("The server database refused the operation", e);
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }
}
