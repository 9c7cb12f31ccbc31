package nl.groningen.keukentafel.server.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.SocialMapEntry;
import nl.groningen.keukentafel.contract.office.AccessExport;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.office.AuditTrail;
import nl.groningen.keukentafel.contract.office.ErasureReason;
import nl.groningen.keukentafel.contract.office.ErasureResult;
import nl.groningen.keukentafel.contract.office.ErasureSummary;
import nl.groningen.keukentafel.contract.office.ResidentSummary;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.contract.sync.ReferenceBundle;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.server.domain.Actor;
import nl.groningen.keukentafel.server.domain.ChangeRules;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.domain.SyncScope;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The server's database, SQLite or PostgreSQL behind the same SQL. Opening it runs the
 * migrations; every public operation is one transaction, so a failed import leaves nothing behind.
 * The work inside one is done by the classes beside it: {@link Push} (deciding through
 * {@link ChangeRules}), {@link ChangeLog} (the log laptops pull and the counter that numbers it),
 * {@link ResidentMoves}, {@link DatasetImport}, {@link ServerEpoch}, and {@link ReportFacts} (what reports count, written
 * with every body).
 */
public final class ServerStore implements AutoCloseable {

    /** A push that lost a race for a change id is run again, this many times in all at most (each loss means another push won). */
    private static final int PUSH_ATTEMPTS = 3;

    private final StoreKind kind;
    private final HikariDataSource dataSource;
    private final HikariDataSource readSource;
    private final String schemaVersion;
    private final ObjectMapper json = Json.mapper();
    private final ChangeRules rules = new ChangeRules(json, Clock.systemUTC());
    /** Read once at open: only a restore changes it, and that runs with the server stopped. */
    private volatile String epoch;

    private ServerStore(StoreKind kind, HikariDataSource dataSource, HikariDataSource readSource, String schemaVersion) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.readSource = readSource;
        this.schemaVersion = schemaVersion;
        this.epoch = inTransaction(ServerEpoch::ensure);
        inTransaction(connection -> {
            new ReportFacts(connection, json).fillIfNew(kind);
            return null;
        });
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
            ownerOnly(settings.sqliteFile());
            // FULL: a commit is on disk before a laptop hears "applied" or pulls past it. With NORMAL a power
            // cut could lose the last commits after laptops were answered, and their numbers would be reused.
            String pragmas = "?journal_mode=WAL&foreign_keys=on&busy_timeout=10000&synchronous=FULL&secure_delete=true";
            writes = pool(settings, settings.jdbcUrl() + pragmas + "&transaction_mode=IMMEDIATE", 1, "write");
            reads = pool(settings, settings.jdbcUrl() + pragmas, 4, "read");
        } else {
            writes = pool(settings, settings.jdbcUrl(), 16, "all");
            reads = writes;
        }
        String version;
        try {
            // db/migration: portable SQL for both stores; db/sqlite, db/postgresql: what only one of them can say (triggers).
            Flyway flyway = Flyway.configure().dataSource(writes)
                    .locations("classpath:db/migration", "classpath:db/" + kind.label()).load();
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

    /**
     * The database file and its folder for the server's user only, made so before SQLite opens it:
     * SQLite gives the {@code -wal} and {@code -shm} it makes the database file's mode. Files from
     * an older version (0644) are tightened.
     */
    private static void ownerOnly(java.nio.file.Path database) {
        try {
            OwnerOnly.folder(database.toAbsolutePath().getParent());
            OwnerOnly.file(database);
            OwnerOnly.tightenIfThere(database.resolveSibling(database.getFileName() + "-wal"));
            OwnerOnly.tightenIfThere(database.resolveSibling(database.getFileName() + "-shm"));
        } catch (java.io.IOException e) {
            throw new StoreException("The database file's permissions cannot be set", e);
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

    /** Stores a whole dataset in one transaction: all of it, or (on any error) none of it. */
    public void importDataset(Dataset dataset) {
        inTransaction(connection -> {
            new DatasetImport(connection, json).store(dataset);
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
        return push(coachId, cursor, changes, Actor.SERVER, Instant.now(), () -> { });
    }

    /**
     * As {@link #push(UUID, Long, List)}, by this user and device: every resident a change was taken
     * for gets an audit entry ({@code pushed}), in the same transaction.
     */
    public List<ChangeResult> push(UUID coachId, Long cursor, List<Change> changes, Actor actor, Instant at) {
        return push(coachId, cursor, changes, actor, at, () -> { });
    }

    /**
     * As {@link #push(UUID, Long, List)}, running {@code beforeCommit} inside the transaction (tests
     * hold it open; it runs again if the push is run again).
     *
     * <p>The same change can arrive twice at once: a push held up on its way while the laptop sends
     * it again, and on PostgreSQL possibly at another server instance. Both read "not seen before",
     * and the unique keys on {@code change_log} and {@code change_result} let only one of them
     * commit; the other waits for it and fails on the key. That one is run again, once the winner
     * has committed, and then finds the winner's answers and returns them: the change is applied
     * once and both requests get the same answer, instead of one failing.
     */
    List<ChangeResult> push(UUID coachId, Long cursor, List<Change> changes, Runnable beforeCommit) {
        return push(coachId, cursor, changes, Actor.SERVER, Instant.now(), beforeCommit);
    }

    private List<ChangeResult> push(UUID coachId, Long cursor, List<Change> changes, Actor actor, Instant at, Runnable beforeCommit) {
        SyncScope scope = new SyncScope(coachId, cursor == null ? 0 : cursor);
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(connection -> new Push(connection, kind, json, rules, scope, actor, at).apply(changes, beforeCommit));
            } catch (StoreException e) {
                if (attempt == PUSH_ATTEMPTS || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** Whether a unique key refused the work: PostgreSQL's SQL state 23505, anywhere in the causes (a batch hides it one down). */
    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if ("23505".equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
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

    /**
     * As {@link #pullToSend(UUID, long, int)}, for this user and device: every resident the page
     * delivers something of gets an audit entry ({@code pulled}), committed before the page is
     * returned. Should the page then not reach the laptop, the log says a little too much, never too little.
     */
    public PullPage pullToSend(UUID coachId, long after, int limit, Actor actor, Instant at) {
        PullPage page = pullToSend(coachId, after, limit);
        Set<String> delivered = new TreeSet<>();
        page.changes().stream().filter(c -> RecordKind.ofWireName(c.kind()).map(RecordKind::pushable).orElse(true))
                .forEach(c -> delivered.add(c.residentId().toString()));
        if (!delivered.isEmpty()) {
            inTransaction(connection -> {
                AuditLog.append(connection, delivered, AuditAction.PULLED, actor, at);
                return null;
            });
        }
        return page;
    }

    // ---- the audit log ------------------------------------------------------------------------------

    /** Who saw or changed a resident, and when: every entry still kept, oldest first. */
    public AuditTrail auditTrail(UUID residentId) {
        return inReadTransaction(connection -> new AuditTrail(residentId, Erasures.isErased(connection, residentId),
                AuditLog.of(connection, residentId)));
    }

    /**
     * Everything the server holds about a resident, for their right of access, made by this user:
     * logged ({@code exported}) in the same transaction, so the trail in it ends with this export.
     * Null: no such resident.
     */
    public AccessExport accessExport(UUID residentId, Actor actor, Instant at) {
        return inTransaction(connection -> AccessExports.of(connection, json, residentId, actor, at));
    }

    /** Sets how long the audit log keeps its entries (from the server's configuration; at least 12 months). */
    public void keepAuditFor(int months) {
        inTransaction(connection -> {
            AuditLog.keepFor(connection, months);
            return null;
        });
    }

    /** Removes the audit entries older than the kept period; returns how many. */
    public int expireAudit(Instant now) {
        return inTransaction(connection -> AuditLog.expire(connection, now));
    }

    // ---- erasure and retention -------------------------------------------------------------------

    /** What erasing the resident would remove, for the admin to see first; null: no such resident. */
    public ErasureSummary erasureSummary(UUID residentId) {
        return inReadTransaction(connection -> {
            ResidentSummary resident = officeResidents().summary(connection, residentId);
            return resident == null ? null
                    : new ErasureSummary(resident, Erasures.records(connection, residentId), Erasures.laptops(connection, residentId));
        });
    }

    /**
     * Erases the resident by this user, in one transaction: records, facts, moves and logged changes
     * go; the tombstone and audit entries stay, and every laptop that had them is told at its next
     * pull. Null: no such resident (see {@link #isErased} for one erased before).
     */
    public ErasureResult erase(UUID residentId, ErasureReason reason, String reference, Actor actor, Instant at) {
        return inTransaction(connection -> Erasures.erase(connection, kind, residentId, reason, reference, actor, at));
    }

    /** Whether the resident was erased: only their tombstone and audit entries are left. */
    public boolean isErased(UUID residentId) {
        return inReadTransaction(connection -> Erasures.isErased(connection, residentId));
    }

    /**
     * The retention job's work: erases every resident who left the group on or before this day, each
     * in its own transaction (reason {@code retention}, by the server); returns how many.
     */
    public int eraseLeftOnOrBefore(LocalDate day, Instant at) {
        int erased = 0;
        for (UUID id : inReadTransaction(connection -> Erasures.leftOnOrBefore(connection, day))) {
            if (erase(id, ErasureReason.RETENTION, null, Actor.SERVER, at) != null) {
                erased++;
            }
        }
        return erased;
    }

    private PullPage pull(UUID coachId, long after, int limit, Function<String, JsonNode> bodies) {
        return inReadTransaction(connection -> ChangeLog.page(connection, coachId, after, limit, bodies, epoch));
    }

    /** The last sequence number handed out: every change a laptop can have pulled is at or below it. */
    public long lastSequence() {
        return inReadTransaction(ChangeLog::lastSequence);
    }

    /**
     * Tells a restored database that it was restored: moves the sequence past anything a laptop can
     * have seen ({@code atLeast}, if known, plus {@link ChangeLog#RESTORE_SEQUENCE_MARGIN}) and returns the
     * new last number. Laptops keep their cursors and pull what comes after, so nothing new is skipped.
     * It also gives the database a new epoch, so laptops send again what it was answered after the backup.
     */
    public long continueAfterRestore(long atLeast) {
        long next = inTransaction(connection -> continueAfterRestore(connection, atLeast));
        epoch = inTransaction(ServerEpoch::ensure);
        return next;
    }

    /** As {@link #continueAfterRestore(long)}, inside the caller's transaction (a restore of a SQLite file). */
    static long continueAfterRestore(Connection connection, long atLeast) throws SQLException {
        long next = ChangeLog.continueAfterRestore(connection, atLeast);
        ServerEpoch.renew(connection);
        return next;
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
        return inTransaction(connection -> ResidentMoves.assign(connection, json, residentId, toCoach, at));
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

    /** Users, enrolment codes and devices in this store. */
    public Accounts accounts() {
        return new Accounts(this);
    }

    /** The residents as the office searches and assigns them. */
    public OfficeResidents officeResidents() {
        return new OfficeResidents(this);
    }

    /** The coaches in this store. */
    public Coaches coaches() {
        return new Coaches(this);
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
}
