package nl.groningen.keukentafel.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.FinalisedConversationException;
import nl.groningen.keukentafel.app.domain.LocalStoreException;
import nl.groningen.keukentafel.app.domain.RecordStore;
import nl.groningen.keukentafel.app.domain.SyncLedger;
import nl.groningen.keukentafel.app.domain.WrongCredentialException;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.store.crypto.Keyring;
import nl.groningen.keukentafel.app.store.crypto.Sealer;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.SocialMapEntry;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.FieldMerge;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.contract.sync.ReferenceBundle;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One coach's local database: a single SQLite file in WAL mode with foreign keys on, migrated on
 * open, every resident and record sealed under the coach's data key (see {@link Keyring}). Writes
 * are single transactions made durable before they return. One connection, used by one thread at
 * a time (the methods are synchronized).
 */
public final class LocalStore implements RecordStore, SyncLedger, AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalStore.class);

    private static final String RESIDENT = "resident";
    private static final String OUTBOX = "outbox";
    private static final String UPSERT_RESIDENT =
            "INSERT INTO resident (id, sealed) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed";
    private static final String UPSERT_RECORD = """
            INSERT INTO record (id, resident_id, kind, sealed) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET resident_id = excluded.resident_id, kind = excluded.kind,
                sealed = excluded.sealed""";
    private static final String DELETE_RECORD = "DELETE FROM record WHERE id = ?";
    /**
     * A pulled record, stored only when its resident is on this laptop. It never arrives without
     * its resident but in one case: a change this laptop sent again after a restore of the server,
     * for a resident who had moved away from this coach after the backup (a move the restore
     * undid, and this laptop had already let go of). The server has it; the laptop has no resident
     * to hang it on, and refusing the page would stop every later sync.
     */
    private static final String UPSERT_PULLED_RECORD = """
            INSERT INTO record (id, resident_id, kind, sealed) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM resident WHERE id = ?)
            ON CONFLICT (id) DO UPDATE SET resident_id = excluded.resident_id, kind = excluded.kind,
                sealed = excluded.sealed""";
    /**
     * The version of the newest migration in {@code store/migration}. A file already at it is opened
     * without Flyway (which takes a few hundred milliseconds of a cold start to load and scan);
     * {@code LocalStoreTest} checks that this is the newest migration.
     */
    static final String SCHEMA_VERSION = "4";
    static final String MIGRATIONS = "classpath:nl/groningen/keukentafel/app/store/migration";
    /** About ten milliseconds of decrypting at a cold start. */
    private static final int RECORDS_PER_BATCH = 500;

    private final Connection connection;
    private final Sealer sealer;
    private final ObjectMapper json;
    private final ResidentReader residentReader;

    private LocalStore(Connection connection, Sealer sealer, ObjectMapper json) {
        this.connection = connection;
        this.sealer = sealer;
        this.json = json;
        this.residentReader = new ResidentReader(json);
    }

    /** Whether a coach's database already exists at this path. */
    public static boolean exists(Path file) {
        return Files.exists(file);
    }

    /** Makes a new database for a coach, its data key wrapped under the credential. */
    public static LocalStore create(Path file, char[] credential) {
        return create(file, credential, Keyring.DEFAULT_ITERATIONS);
    }

    static LocalStore create(Path file, char[] credential, int iterations) {
        if (exists(file)) {
            throw new LocalStoreException("A database already exists here; unlock it instead", null);
        }
        Connection connection = connect(file);
        Keyring.Created created = Keyring.create(credential, iterations);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO keyring (id, kdf, iterations, salt, wrapped_key) VALUES (1, ?, ?, ?, ?)")) {
            Keyring keyring = created.keyring();
            insert.setString(1, keyring.kdf());
            insert.setInt(2, keyring.iterations());
            insert.setBytes(3, keyring.salt());
            insert.setBytes(4, keyring.wrappedKey());
            insert.executeUpdate();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new LocalStoreException("The local database cannot be created", e);
        }
        return new LocalStore(connection, new Sealer(created.dataKey()), Json.mapper());
    }

    /** Opens a coach's database with their credential; {@link WrongCredentialException} if it is not theirs. */
    public static LocalStore unlock(Path file, char[] credential) {
        Locked locked = open(file);
        try {
            return locked.unlock(credential);
        } catch (RuntimeException e) {
            locked.close();
            throw e;
        }
    }

    /**
     * Opens the file without a key: the driver loaded, the schema migrated, the wrapped key read.
     * Done while the login screen waits, so that after the password only the key derivation and
     * the decryption remain.
     */
    public static Locked open(Path file) {
        if (!exists(file)) {
            throw new LocalStoreException("No local database at this path", null);
        }
        Connection connection = connect(file);
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT kdf, iterations, salt, wrapped_key FROM keyring WHERE id = 1")) {
            if (!row.next()) {
                throw new LocalStoreException("The local database has no key; it cannot be opened", null);
            }
            // The JSON mapping is loaded here too (a cold start spends tens of milliseconds on it), not after the password.
            return new Locked(file, connection, new Keyring(row.getString(1), row.getInt(2), row.getBytes(3), row.getBytes(4)),
                    Json.mapper());
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new LocalStoreException("The local database cannot be read", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * Compiles the key derivation ahead of the password (see {@link Keyring#warmUpDerivation()}):
     * for the login, while it waits for the coach to type. Nothing is read or kept.
     */
    public static void warmUpKeyDerivation() {
        Keyring.warmUpDerivation();
    }

    /** A coach's database, open but still locked: nothing in it can be read until the right credential is given. */
    public static final class Locked implements AutoCloseable {
        private final Path file;
        private final Connection connection;
        private final Keyring keyring;
        private final ObjectMapper json;
        private boolean handedOver;

        private Locked(Path file, Connection connection, Keyring keyring, ObjectMapper json) {
            this.file = file;
            this.connection = connection;
            this.keyring = keyring;
            this.json = json;
        }

        public Path file() {
            return file;
        }

        /** The unlocked store, or {@link WrongCredentialException} (this stays open for another try). */
        public LocalStore unlock(char[] credential) {
            if (handedOver) {
                throw new IllegalStateException("Already unlocked");
            }
            // The key derivation keeps one core busy for a few hundred milliseconds; the other
            // meanwhile makes the JSON readers for what is read right after (making one takes tens
            // of milliseconds the first time).
            CompletableFuture.runAsync(() -> {
                Stream.of(Coach.class, ReferenceData.class, SocialMapEntry.class).forEach(json::readerFor);
                warmUp(json);
            });
            LocalStore store = new LocalStore(connection, new Sealer(keyring.unwrap(credential)), json);
            handedOver = true;
            return store;
        }

        @Override
        public void close() {
            if (!handedOver) {
                closeQuietly(connection);
            }
        }
    }

    private static Connection connect(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("The data folder cannot be created", e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        // FULL: a commit is on disk before the call returns, so a power cut loses no saved record.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
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
            return connection;
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

    // ---- reading -------------------------------------------------------------------------------

    /** The residents alone: enough to show the caseload. Decrypted on all cores. */
    public synchronized List<Resident> residents() {
        List<SealedRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, sealed FROM resident")) {
            while (result.next()) {
                rows.add(new SealedRow(result.getString(1), null, RESIDENT, result.getBytes(2)));
            }
        } catch (SQLException e) {
            throw new LocalStoreException("The caseload cannot be read", e);
        }
        return rows.parallelStream().map(row -> openResident(row.id(), row.sealed())).toList();
    }

    /** A resident, read by {@link ResidentReader} (the login's path: no data binding for the usual shape). */
    private Resident openResident(String id, byte[] sealed) {
        try {
            return residentReader.read(sealer.open(RESIDENT, id, sealed));
        } catch (IOException e) {
            throw new LocalStoreException("A record in the local database cannot be read", e);
        }
    }

    /** Every record of every resident, decrypted and grouped per resident. */
    public synchronized Map<UUID, ResidentRecords> records() {
        return records(() -> { });
    }

    /**
     * Every record of every resident, decrypted and grouped per resident; {@code betweenBatches}
     * runs after each batch of {@value #RECORDS_PER_BATCH} records (a chance for the caller to let
     * more urgent work go first).
     */
    public synchronized Map<UUID, ResidentRecords> records(Runnable betweenBatches) {
        List<SealedRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, resident_id, kind, sealed FROM record")) {
            while (result.next()) {
                rows.add(new SealedRow(result.getString(1), result.getString(2), result.getString(3), result.getBytes(4)));
            }
        } catch (SQLException e) {
            throw new LocalStoreException("The caseload cannot be read", e);
        }
        // One core only: the other stays free for the screen the coach is already using.
        List<Object> opened = new ArrayList<>(rows.size());
        for (SealedRow row : rows) {
            opened.add(openRecord(row));
            if (opened.size() % RECORDS_PER_BATCH == 0) {
                betweenBatches.run();
            }
        }
        Map<UUID, Builder> builders = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            builders.computeIfAbsent(UUID.fromString(rows.get(i).residentId()), k -> new Builder()).add(opened.get(i));
        }
        Map<UUID, ResidentRecords> records = new HashMap<>();
        builders.forEach((residentId, builder) -> records.put(residentId, builder.build()));
        return records;
    }

    /** The whole caseload: residents and every record, decrypted into memory. */
    public synchronized Caseload caseload() {
        return new Caseload(residents(), records());
    }

    private Object openRecord(SealedRow row) {
        return open(row.kind(), row.id(), row.sealed(), StoredKind.of(row.kind()).type());
    }

    /** A row as read, before it is opened. */
    private record SealedRow(String id, String residentId, String kind, byte[] sealed) {
    }

    /** The coach this database belongs to, as enrolled. */
    public synchronized Coach coach() {
        return referenceBodies("profile").stream().findFirst().map(b -> read(b, Coach.class))
                .orElseThrow(() -> new LocalStoreException("The local database names no coach", null));
    }

    public synchronized void saveCoach(Coach coach) {
        inTransaction(() -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO reference (kind, id, body) VALUES ('profile', 'coach', ?)
                    ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body""")) {
                statement.setString(1, write(coach));
                statement.executeUpdate();
            }
        });
    }

    public synchronized ReferenceData referenceData() {
        String body = referenceBodies("reference_data").stream().findFirst().orElse(null);
        return body == null ? ReferenceData.standard() : read(body, ReferenceData.class);
    }

    public synchronized List<SocialMapEntry> socialMap() {
        return referenceBodies("social_map").stream().map(b -> read(b, SocialMapEntry.class)).toList();
    }

    // ---- writing -------------------------------------------------------------------------------

    /** Stores a resident's details (new or changed). */
    @Override
    public synchronized void saveResident(Resident resident) {
        inTransaction(() -> putResident(resident, true));
    }

    /**
     * Stores residents with all their records in one transaction: a first fill of the laptop
     * (demo data now, the first sync later).
     */
    public synchronized void saveCaseload(Collection<Resident> residents, Map<UUID, ResidentRecords> records) {
        inTransaction(() -> {
            for (Resident resident : residents) {
                putResident(resident, false);
            }
            for (Map.Entry<UUID, ResidentRecords> entry : records.entrySet()) {
                UUID residentId = entry.getKey();
                ResidentRecords r = entry.getValue();
                for (ContactAttempt a : r.contactAttempts()) {
                    putRecord(StoredKind.of(RecordKind.CONTACT_ATTEMPT), a.id(), residentId, a, false);
                }
                for (Appointment a : r.appointments()) {
                    putRecord(StoredKind.of(RecordKind.APPOINTMENT), a.id(), residentId, a, false);
                }
                for (Conversation c : r.conversations()) {
                    putRecord(StoredKind.of(RecordKind.CONVERSATION), c.id(), residentId, c, false);
                }
                for (ConversationDraft d : r.drafts()) {
                    putRecord(StoredKind.DRAFT, d.conversation().id(), residentId, d, false);
                }
                for (Agreement a : r.agreements()) {
                    putRecord(StoredKind.of(RecordKind.AGREEMENT), a.id(), residentId, a, false);
                }
                for (Referral x : r.referrals()) {
                    putRecord(StoredKind.of(RecordKind.REFERRAL), x.id(), residentId, x, false);
                }
                if (r.plan() != null) {
                    putRecord(StoredKind.of(RecordKind.DEVELOPMENT_PLAN), r.plan().id(), residentId, r.plan(), false);
                }
            }
        });
    }

    /** A contact attempt and the resident's outreach status it changed, together. */
    @Override
    public synchronized void saveContactAttempt(ContactAttempt attempt, Resident resident) {
        inTransaction(() -> {
            putResident(resident, true);
            putRecord(StoredKind.of(RecordKind.CONTACT_ATTEMPT), attempt.id(), attempt.residentId(), attempt, true);
        });
    }

    /** Saves a conversation being written; called as the coach types. */
    @Override
    public synchronized void saveDraft(ConversationDraft draft) {
        inTransaction(() -> putRecord(StoredKind.DRAFT, draft.conversation().id(), draft.conversation().residentId(), draft, true));
    }

    /**
     * Turns a draft into a finalised conversation with its agreements and referrals, and updates
     * the resident (outreach status, term, next contact), all in one transaction.
     */
    @Override
    public synchronized void finalise(ConversationDraft draft, Conversation finalised, Resident resident) {
        if (finalised.status() != ConversationStatus.FINALISED || !finalised.id().equals(draft.conversation().id())) {
            throw new IllegalArgumentException("Finalise the draft's own conversation");
        }
        inTransaction(() -> {
            if (existingKind(finalised.id()) == StoredKind.of(RecordKind.CONVERSATION)) {
                throw new FinalisedConversationException();
            }
            delete(finalised.id());
            putResident(resident, true);
            putRecord(StoredKind.of(RecordKind.CONVERSATION), finalised.id(), finalised.residentId(), finalised, true);
            for (Agreement a : draft.agreements()) {
                putRecord(StoredKind.of(RecordKind.AGREEMENT), a.id(), a.residentId(), a, true);
            }
            for (Referral r : draft.referrals()) {
                putRecord(StoredKind.of(RecordKind.REFERRAL), r.id(), r.residentId(), r, true);
            }
        });
    }

    /** Throws away a draft that was never finalised. */
    @Override
    public synchronized void discardDraft(UUID conversationId) {
        inTransaction(() -> {
            if (existingKind(conversationId) == StoredKind.DRAFT) {
                delete(conversationId);
            }
        });
    }

    @Override
    public synchronized void saveAgreement(Agreement agreement) {
        inTransaction(() -> putRecord(StoredKind.of(RecordKind.AGREEMENT), agreement.id(), agreement.residentId(), agreement, true));
    }

    @Override
    public synchronized void saveReferral(Referral referral) {
        inTransaction(() -> putRecord(StoredKind.of(RecordKind.REFERRAL), referral.id(), referral.residentId(), referral, true));
    }

    @Override
    public synchronized void saveAppointment(Appointment appointment) {
        inTransaction(() -> putRecord(StoredKind.of(RecordKind.APPOINTMENT), appointment.id(), appointment.residentId(), appointment, true));
    }

    @Override
    public synchronized void savePlan(DevelopmentPlan plan) {
        inTransaction(() -> putRecord(StoredKind.of(RecordKind.DEVELOPMENT_PLAN), plan.id(), plan.residentId(), plan, true));
    }

    /** Replaces the reference data and the sociale kaart. */
    public synchronized void saveReference(ReferenceData referenceData, List<SocialMapEntry> socialMap) {
        inTransaction(() -> putReference(referenceData, socialMap));
    }

    @Override
    public synchronized String referenceVersion() {
        return state("reference_version");
    }

    @Override
    public synchronized void saveReference(ReferenceBundle bundle) {
        inTransaction(() -> {
            putReference(bundle.referenceData(), bundle.socialMap());
            putState("reference_version", bundle.version(), null);
        });
    }

    private void putReference(ReferenceData referenceData, List<SocialMapEntry> socialMap) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM reference WHERE kind IN ('reference_data', 'social_map')");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reference (kind, id, body) VALUES (?, ?, ?)")) {
            insert.setString(1, "reference_data");
            insert.setString(2, "standard");
            insert.setString(3, write(referenceData));
            insert.addBatch();
            for (SocialMapEntry entry : socialMap) {
                insert.setString(1, "social_map");
                insert.setString(2, entry.id().toString());
                insert.setString(3, write(entry));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    // ---- sync ----------------------------------------------------------------------------------

    @Override
    public synchronized List<Change> takeOutbox(int max) {
        List<Change> changes = new ArrayList<>();
        inSyncTransaction(() -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT change_id, kind, record_id, resident_id, deleted, sealed FROM outbox ORDER BY position LIMIT ?""")) {
                statement.setInt(1, max);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String changeId = rows.getString(1);
                        JsonNode entry = open(OUTBOX, changeId, rows.getBytes(6), JsonNode.class);
                        changes.add(new Change(UUID.fromString(changeId), rows.getString(2), UUID.fromString(rows.getString(3)),
                                UUID.fromString(rows.getString(4)), rows.getInt(5) == 1, nullIfNull(entry.get("body")),
                                nullIfNull(entry.get("base"))));
                    }
                }
            }
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE outbox SET sent = 1, first_cursor = COALESCE(first_cursor, ?) WHERE change_id = ?")) {
                long cursor = cursor();
                for (Change change : changes) {
                    mark.setLong(1, cursor);
                    mark.setString(2, change.changeId().toString());
                    mark.addBatch();
                }
                mark.executeBatch();
            }
        });
        return changes;
    }

    private static JsonNode nullIfNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    /**
     * Answered changes leave the outbox for {@code sent_change}, sealed as they were, in the same
     * transaction: one more row write per change, no decrypting. A change refused before and
     * answered otherwise now (sent again after a restore) is no longer listed as refused.
     */
    @Override
    public synchronized void acknowledge(List<ChangeResult> results, Instant at) {
        inSyncTransaction(() -> {
            try (PreparedStatement refuse = connection.prepareStatement("""
                    INSERT INTO sync_refusal (change_id, kind, record_id, resident_id, reason, refused_at)
                    SELECT change_id, kind, record_id, resident_id, ?, ? FROM outbox WHERE change_id = ?
                    ON CONFLICT (change_id) DO NOTHING""");
                 PreparedStatement accepted = connection.prepareStatement("DELETE FROM sync_refusal WHERE change_id = ?");
                 PreparedStatement keep = connection.prepareStatement("""
                    INSERT INTO sent_change (position, change_id, kind, record_id, resident_id, deleted, sealed, first_cursor, answered_at)
                    SELECT position, change_id, kind, record_id, resident_id, deleted, sealed, first_cursor, ? FROM outbox WHERE change_id = ?
                    ON CONFLICT DO NOTHING""");
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE change_id = ?")) {
                for (ChangeResult result : results) {
                    String changeId = result.changeId().toString();
                    if (result.status() == ChangeStatus.REJECTED) {
                        refuse.setString(1, result.reason() == null ? "unknown" : result.reason());
                        refuse.setString(2, at.toString());
                        refuse.setString(3, changeId);
                        refuse.executeUpdate();
                    } else {
                        accepted.setString(1, changeId);
                        accepted.executeUpdate();
                    }
                    keep.setLong(1, at.toEpochMilli());
                    keep.setString(2, changeId);
                    keep.executeUpdate();
                    delete.setString(1, changeId);
                    delete.executeUpdate();
                }
            }
        });
    }

    /**
     * Puts every kept answered change back in the outbox, in one transaction: at its old place (so
     * before every change made since, in the original order), with its change id, body and base as
     * they were, and marked sent, so a further edit of the record gets an entry of its own instead
     * of changing one the server may already have answered.
     */
    @Override
    public synchronized int resendSent() {
        int[] moved = new int[1];
        inSyncTransaction(() -> {
            try (Statement statement = connection.createStatement()) {
                moved[0] = statement.executeUpdate("""
                        INSERT INTO outbox (position, change_id, kind, record_id, resident_id, deleted, sealed, sent, first_cursor)
                        SELECT position, change_id, kind, record_id, resident_id, deleted, sealed, 1, first_cursor FROM sent_change
                        WHERE true ON CONFLICT DO NOTHING""");
                statement.executeUpdate("DELETE FROM sent_change");
            }
        });
        return moved[0];
    }

    @Override
    public synchronized long pushCursor() {
        long cursor = cursor();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT MIN(first_cursor) FROM outbox WHERE sent = 1")) {
            long first = row.next() ? row.getLong(1) : 0;
            return row.wasNull() ? cursor : Math.min(first, cursor);
        } catch (SQLException e) {
            throw new LocalStoreException("The local database cannot be read", e);
        }
    }

    @Override
    public synchronized int sentKept() {
        return count("SELECT COUNT(*) FROM sent_change", null);
    }

    @Override
    public synchronized void forgetSentBefore(Instant before) {
        inSyncTransaction(() -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM sent_change WHERE answered_at < ?")) {
                statement.setLong(1, before.toEpochMilli());
                statement.executeUpdate();
            }
        });
    }

    @Override
    public synchronized String serverEpoch() {
        return state("server_epoch");
    }

    @Override
    public synchronized void saveServerEpoch(String epoch) {
        inSyncTransaction(() -> putState("server_epoch", epoch, null));
    }

    @Override
    public synchronized int waiting() {
        return count("SELECT COUNT(*) FROM outbox", null);
    }

    @Override
    public synchronized boolean hasWaitingFor(UUID residentId) {
        return count("SELECT COUNT(*) FROM outbox WHERE resident_id = ?", residentId.toString()) > 0;
    }

    private int count(String sql, String parameter) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new LocalStoreException("The local database cannot be read", e);
        }
    }

    @Override
    public synchronized long cursor() {
        String value = state("cursor");
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public synchronized Set<UUID> applyPulled(List<PulledChange> changes, long nextCursor) {
        Set<UUID> touched = new LinkedHashSet<>();
        inSyncTransaction(() -> {
            try (PulledPage page = new PulledPage()) {
                for (PulledChange change : changes) {
                    applyOne(change, page, touched);
                }
            }
            putState("cursor", Long.toString(nextCursor), null);
        });
        return touched;
    }

    private void applyOne(PulledChange change, PulledPage page, Set<UUID> touched) throws SQLException {
        String residentId = change.residentId().toString();
        if (RecordKind.RESIDENT_MOVED.is(change.kind())) {
            if (count("SELECT COUNT(*) FROM outbox WHERE resident_id = ?", residentId) > 0) {
                throw new LocalStoreException("Changes for a resident who moved are still waiting to be sent", null);
            }
            execute("DELETE FROM record WHERE resident_id = ?", residentId);
            execute("DELETE FROM resident WHERE id = ?", residentId);
            touched.add(change.residentId());
            return;
        }
        if (page.waiting.contains(change.recordId().toString())) {
            return; // the laptop's own change is on its way; the server merges it and sends the result back
        }
        touched.add(change.residentId());
        if (RecordKind.RESIDENT.is(change.kind())) {
            readable(change, Resident.class);
            page.putResident(residentId, change.body());
        } else if (change.deleted()) {
            page.delete(change.recordId().toString());
        } else {
            StoredKind kind = StoredKind.of(change.kind());
            if (!kind.synced()) {
                throw new LocalStoreException("The server sent a kind of record the laptop keeps to itself", null);
            }
            readable(change, kind.type());
            page.putRecord(kind, change.recordId().toString(), residentId, change.body());
        }
    }

    /**
     * Applying one pulled page: the records whose own changes still wait in the outbox (read once;
     * nothing is queued while a page is applied) and the statements every change of the page uses,
     * prepared once per page instead of once per change.
     */
    private final class PulledPage implements AutoCloseable {
        final Set<String> waiting = new HashSet<>();
        private PreparedStatement record;
        private PreparedStatement resident;
        private PreparedStatement delete;

        PulledPage() throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT record_id FROM outbox")) {
                while (rows.next()) {
                    waiting.add(rows.getString(1));
                }
            }
        }

        void putRecord(StoredKind kind, String id, String residentId, JsonNode body) throws SQLException {
            if (record == null) {
                record = connection.prepareStatement(UPSERT_PULLED_RECORD);
            }
            bindRecord(record, kind, id, residentId, body);
            record.setString(5, residentId);
            record.executeUpdate();
        }

        void putResident(String id, JsonNode body) throws SQLException {
            if (resident == null) {
                resident = connection.prepareStatement(UPSERT_RESIDENT);
            }
            bindResident(resident, id, body);
            resident.executeUpdate();
        }

        void delete(String id) throws SQLException {
            if (delete == null) {
                delete = connection.prepareStatement(DELETE_RECORD);
            }
            delete.setString(1, id);
            delete.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : new PreparedStatement[] {record, resident, delete}) {
                if (statement != null) {
                    statement.close();
                }
            }
        }
    }

    /** Refuses (and so rolls back the page) a body this version of the app cannot read. */
    private void readable(PulledChange change, Class<?> type) {
        try {
            json.treeToValue(change.body(), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new LocalStoreException("The server sent a " + change.kind() + " this version of the app cannot read", e);
        }
    }

    private void execute(String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }

    @Override
    public synchronized Optional<Enrolled> enrolment() {
        String url = state("server_url");
        String device = state("device_id");
        byte[] token = sealedState("device_token");
        if (url == null || device == null || token == null) {
            return Optional.empty();
        }
        return Optional.of(new Enrolled(url, UUID.fromString(device),
                new String(sealer.open("sync_state", "device_token", token), StandardCharsets.UTF_8)));
    }

    @Override
    public synchronized void saveEnrolment(Enrolled enrolled) {
        inTransaction(() -> {
            putState("server_url", enrolled.serverUrl(), null);
            putState("device_id", enrolled.deviceId().toString(), null);
            putState("device_token", null, sealer.seal("sync_state", "device_token", enrolled.token().getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Override
    public synchronized Optional<Instant> lastSync() {
        return Optional.ofNullable(state("last_sync")).map(Instant::parse);
    }

    @Override
    public synchronized void saveLastSync(Instant at) {
        inSyncTransaction(() -> putState("last_sync", at.toString(), null));
    }

    @Override
    public synchronized List<Conflict> conflicts() {
        List<Conflict> conflicts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, sealed FROM record WHERE kind = 'conflict'");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                conflicts.add(open(RecordKind.CONFLICT.wireName(), rows.getString(1), rows.getBytes(2), Conflict.class));
            }
        } catch (SQLException e) {
            throw new LocalStoreException("The local database cannot be read", e);
        }
        conflicts.sort(java.util.Comparator.comparing(Conflict::detectedAt));
        return conflicts;
    }

    /**
     * The coach's choice for a conflict: the record takes the chosen value (a change of its own,
     * queued like any other) and the conflict is deleted here and on the server, in one transaction.
     */
    @Override
    public synchronized void resolve(Conflict conflict, JsonNode chosen) {
        inTransaction(() -> {
            String recordId = conflict.recordId().toString();
            if (RecordKind.RESIDENT.is(conflict.recordKind())) {
                JsonNode current = sealedBody(RESIDENT, "SELECT sealed FROM resident WHERE id = ?", recordId);
                if (current instanceof ObjectNode object) {
                    putResidentBody(conflict.recordId(), FieldMerge.set(object, conflict.field(), chosen), true);
                }
            } else {
                StoredKind kind = StoredKind.of(conflict.recordKind());
                JsonNode current = sealedBody(kind.code(), "SELECT sealed FROM record WHERE id = ?", recordId);
                if (current instanceof ObjectNode object) {
                    putRecordBody(kind, conflict.recordId(), conflict.residentId(), FieldMerge.set(object, conflict.field(), chosen), true);
                }
            }
            delete(conflict.id());
            queue(RecordKind.CONFLICT.wireName(), conflict.id(), conflict.residentId(), null, null);
        });
    }

    @Override
    public synchronized List<Refusal> refusals() {
        List<Refusal> refusals = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT change_id, kind, record_id, resident_id, reason, refused_at FROM sync_refusal ORDER BY refused_at DESC");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                refusals.add(new Refusal(UUID.fromString(rows.getString(1)), rows.getString(2), UUID.fromString(rows.getString(3)),
                        UUID.fromString(rows.getString(4)), rows.getString(5), Instant.parse(rows.getString(6))));
            }
        } catch (SQLException e) {
            throw new LocalStoreException("The local database cannot be read", e);
        }
        return refusals;
    }

    @Override
    public synchronized Optional<ResidentNow> residentNow(UUID residentId) {
        String id = residentId.toString();
        try {
            JsonNode body = sealedBody(RESIDENT, "SELECT sealed FROM resident WHERE id = ?", id);
            if (body == null) {
                return Optional.empty();
            }
            Builder builder = new Builder();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, resident_id, kind, sealed FROM record WHERE resident_id = ?")) {
                statement.setString(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        builder.add(openRecord(new SealedRow(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBytes(4))));
                    }
                }
            }
            return Optional.of(new ResidentNow(json.treeToValue(body, Resident.class), builder.build()));
        } catch (SQLException | IOException e) {
            throw new LocalStoreException("The local database cannot be read", e);
        }
    }

    private String state(String key) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT value FROM sync_state WHERE key = ?")) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new LocalStoreException("The local database cannot be read", e);
        }
    }

    private byte[] sealedState(String key) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT sealed FROM sync_state WHERE key = ?")) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new LocalStoreException("The local database cannot be read", e);
        }
    }

    private void putState(String key, String value, byte[] sealed) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO sync_state (key, value, sealed) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, sealed = excluded.sealed""")) {
            statement.setString(1, key);
            statement.setString(2, value);
            statement.setBytes(3, sealed);
            statement.executeUpdate();
        }
    }

    /** Forgets the data key and closes the file: the caseload can no longer be read. */
    @Override
    public synchronized void close() {
        sealer.close();
        closeQuietly(connection);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void putResident(Resident resident, boolean queue) throws SQLException {
        putResidentBody(resident.id(), json.valueToTree(resident), queue);
    }

    private void putResidentBody(UUID residentId, JsonNode body, boolean queue) throws SQLException {
        String id = residentId.toString();
        if (queue) {
            queue(RESIDENT, residentId, residentId, body, sealedBody(RESIDENT, "SELECT sealed FROM resident WHERE id = ?", id));
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_RESIDENT)) {
            bindResident(statement, id, body);
            statement.executeUpdate();
        }
    }

    private void bindResident(PreparedStatement statement, String id, JsonNode body) throws SQLException {
        statement.setString(1, id);
        statement.setBytes(2, seal(RESIDENT, id, body));
    }

    private void putRecord(StoredKind kind, UUID id, UUID residentId, Object record, boolean queue) throws SQLException {
        if (kind == StoredKind.DRAFT && existingKind(id) == StoredKind.of(RecordKind.CONVERSATION)) {
            throw new FinalisedConversationException();
        }
        putRecordBody(kind, id, residentId, json.valueToTree(record), queue && kind.synced());
    }

    private void putRecordBody(StoredKind kind, UUID id, UUID residentId, JsonNode body, boolean queue) throws SQLException {
        String key = id.toString();
        if (queue) {
            StoredKind before = existingKind(id);
            queue(kind.code(), id, residentId, body, before == kind
                    ? sealedBody(kind.code(), "SELECT sealed FROM record WHERE id = ?", key) : null);
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_RECORD)) {
            bindRecord(statement, kind, key, residentId.toString(), body);
            statement.executeUpdate();
        }
    }

    private void bindRecord(PreparedStatement statement, StoredKind kind, String id, String residentId, JsonNode body)
            throws SQLException {
        statement.setString(1, id);
        statement.setString(2, residentId);
        statement.setString(3, kind.code());
        statement.setBytes(4, seal(kind.code(), id, body));
    }

    /** The stored version of a row, opened, or null when there is none. */
    private JsonNode sealedBody(String kind, String sql, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? open(kind, id, row.getBytes(1), JsonNode.class) : null;
            }
        }
    }

    /**
     * Puts a change in the outbox, in the caller's transaction. A change not yet sent for the same
     * record takes the new body and keeps its base (one entry per record while offline, however
     * often it is edited); once sent, a further change gets an entry of its own.
     */
    private void queue(String kind, UUID recordId, UUID residentId, JsonNode body, JsonNode base) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT change_id, sealed, deleted FROM outbox WHERE record_id = ? AND sent = 0 ORDER BY position DESC LIMIT 1")) {
            find.setString(1, recordId.toString());
            try (ResultSet row = find.executeQuery()) {
                if (row.next() && row.getInt(3) == 0 && body != null) {
                    String changeId = row.getString(1);
                    JsonNode earlier = open(OUTBOX, changeId, row.getBytes(2), JsonNode.class);
                    try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET sealed = ? WHERE change_id = ?")) {
                        update.setBytes(1, seal(OUTBOX, changeId, outboxEntry(body, earlier.get("base"))));
                        update.setString(2, changeId);
                        update.executeUpdate();
                    }
                    return;
                }
            }
        }
        String changeId = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox (change_id, kind, record_id, resident_id, deleted, sealed) VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, changeId);
            insert.setString(2, kind);
            insert.setString(3, recordId.toString());
            insert.setString(4, residentId.toString());
            insert.setInt(5, body == null ? 1 : 0);
            insert.setBytes(6, seal(OUTBOX, changeId, outboxEntry(body, base)));
            insert.executeUpdate();
        }
    }

    private ObjectNode outboxEntry(JsonNode body, JsonNode base) {
        ObjectNode entry = json.createObjectNode();
        entry.set("body", body);
        entry.set("base", base);
        return entry;
    }

    private StoredKind existingKind(UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT kind FROM record WHERE id = ?")) {
            statement.setString(1, id.toString());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? StoredKind.of(row.getString(1)) : null;
            }
        }
    }

    private void delete(UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DELETE_RECORD)) {
            statement.setString(1, id.toString());
            statement.executeUpdate();
        }
    }

    private List<String> referenceBodies(String kind) {
        List<String> bodies = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT body FROM reference WHERE kind = ? ORDER BY id")) {
            statement.setString(1, kind);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new LocalStoreException("The reference data cannot be read", e);
        }
        return bodies;
    }

    private byte[] seal(String kind, String id, Object value) {
        try {
            return sealer.seal(kind, id, json.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rounds of the warm-up: about what the other core gets through while the key is derived. */
    private static final int WARM_UP_ROUNDS = 300;
    private static final String WARM_UP_ID = "00000000-0000-4000-8000-000000000001";

    /**
     * Opens a made-up resident ({@code warm-up-resident.json}, nobody's data) sealed under a
     * throw-away key, a few hundred times: the decryption and the resident's JSON reading
     * ({@link ResidentReader}) are then
     * compiled by the time the coach's 1,500 residents are opened. Runs on the other core while the
     * key is derived; best effort, so a failure only means no warm-up.
     */
    static void warmUp(ObjectMapper json) {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        try (InputStream in = LocalStore.class.getResourceAsStream("warm-up-resident.json");
             Sealer sealer = new Sealer(key)) {
            if (in == null) {
                return;
            }
            byte[] sealed = sealer.seal(RESIDENT, WARM_UP_ID, in.readAllBytes());
            ResidentReader reader = new ResidentReader(json);
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                reader.read(sealer.open(RESIDENT, WARM_UP_ID, sealed));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Warm-up skipped ({})", e.getClass().getSimpleName());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private <T> T open(String kind, String id, byte[] sealed, Class<T> type) {
        try {
            return json.readValue(sealer.open(kind, id, sealed), type);
        } catch (IOException e) {
            throw new LocalStoreException("A record in the local database cannot be read", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new LocalStoreException("The reference data cannot be read", e);
        }
    }

    private void inTransaction(SqlWork work) {
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
    private void inSyncTransaction(SqlWork work) {
        synchronousMode("NORMAL");
        try {
            inTransaction(work);
        } finally {
            synchronousMode("FULL");
        }
    }

    private void synchronousMode(String mode) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous = " + mode);
        } catch (SQLException e) {
            throw new LocalStoreException("The local database cannot be written", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing after a failure: the failure is what the caller hears about
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Collects one resident's records while reading. */
    private static final class Builder {
        final List<ContactAttempt> attempts = new ArrayList<>();
        final List<Appointment> appointments = new ArrayList<>();
        final List<Conversation> conversations = new ArrayList<>();
        final List<ConversationDraft> drafts = new ArrayList<>();
        final List<Agreement> agreements = new ArrayList<>();
        final List<Referral> referrals = new ArrayList<>();
        DevelopmentPlan plan;

        void add(Object record) {
            if (record instanceof ContactAttempt a) {
                attempts.add(a);
            } else if (record instanceof Appointment a) {
                appointments.add(a);
            } else if (record instanceof Conversation c) {
                conversations.add(c);
            } else if (record instanceof ConversationDraft d) {
                drafts.add(d);
            } else if (record instanceof Agreement a) {
                agreements.add(a);
            } else if (record instanceof Referral r) {
                referrals.add(r);
            } else if (record instanceof DevelopmentPlan p) {
                plan = p;
            }
        }

        ResidentRecords build() {
            return new ResidentRecords(attempts, appointments, conversations, agreements, referrals, plan, drafts);
        }
    }
}
