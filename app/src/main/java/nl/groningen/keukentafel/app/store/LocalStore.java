package nl.groningen.keukentafel.app.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.FinalisedConversationException;
import nl.groningen.keukentafel.app.domain.RecordStore;
import nl.groningen.keukentafel.app.domain.WrongCredentialException;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.SocialMapEntry;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One coach's local database: a single SQLite file in WAL mode with foreign keys on, migrated on
 * open, every resident and record sealed under the coach's data key (see {@link Keyring}). Writes
 * are single transactions made durable before they return. One connection, used by one thread at
 * a time (the methods are synchronized).
 */
public final class LocalStore implements RecordStore, AutoCloseable {

    private static final String RESIDENT = "resident";
    /**
     * The version of the newest migration in {@code store/migration}. A file already at it is opened
     * without Flyway (which takes a few hundred milliseconds of a cold start to load and scan);
     * {@code LocalStoreTest} checks that this is the newest migration.
     */
    static final String SCHEMA_VERSION = "2";
    static final String MIGRATIONS = "classpath:nl/groningen/keukentafel/app/store/migration";
    /** About ten milliseconds of decrypting at a cold start. */
    private static final int RECORDS_PER_BATCH = 500;

    private final Connection connection;
    private final Sealer sealer;
    private final ObjectMapper json;

    private LocalStore(Connection connection, Sealer sealer, ObjectMapper json) {
        this.connection = connection;
        this.sealer = sealer;
        this.json = json;
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
            CompletableFuture.runAsync(() -> Stream.of(Resident.class, Coach.class, ReferenceData.class, SocialMapEntry.class)
                    .forEach(json::readerFor));
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
        return rows.parallelStream().map(row -> open(RESIDENT, row.id(), row.sealed(), Resident.class)).toList();
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
        return switch (RecordKind.of(row.kind())) {
            case CONTACT_ATTEMPT -> open(row.kind(), row.id(), row.sealed(), ContactAttempt.class);
            case APPOINTMENT -> open(row.kind(), row.id(), row.sealed(), Appointment.class);
            case CONVERSATION -> open(row.kind(), row.id(), row.sealed(), Conversation.class);
            case DRAFT -> open(row.kind(), row.id(), row.sealed(), ConversationDraft.class);
            case AGREEMENT -> open(row.kind(), row.id(), row.sealed(), Agreement.class);
            case REFERRAL -> open(row.kind(), row.id(), row.sealed(), Referral.class);
            case DEVELOPMENT_PLAN -> open(row.kind(), row.id(), row.sealed(), DevelopmentPlan.class);
        };
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
        inTransaction(() -> putResident(resident));
    }

    /**
     * Stores residents with all their records in one transaction: a first fill of the laptop
     * (demo data now, the first sync later).
     */
    public synchronized void saveCaseload(Collection<Resident> residents, Map<UUID, ResidentRecords> records) {
        inTransaction(() -> {
            for (Resident resident : residents) {
                putResident(resident);
            }
            for (Map.Entry<UUID, ResidentRecords> entry : records.entrySet()) {
                UUID residentId = entry.getKey();
                ResidentRecords r = entry.getValue();
                for (ContactAttempt a : r.contactAttempts()) {
                    putRecord(RecordKind.CONTACT_ATTEMPT, a.id(), residentId, a);
                }
                for (Appointment a : r.appointments()) {
                    putRecord(RecordKind.APPOINTMENT, a.id(), residentId, a);
                }
                for (Conversation c : r.conversations()) {
                    putRecord(RecordKind.CONVERSATION, c.id(), residentId, c);
                }
                for (ConversationDraft d : r.drafts()) {
                    putRecord(RecordKind.DRAFT, d.conversation().id(), residentId, d);
                }
                for (Agreement a : r.agreements()) {
                    putRecord(RecordKind.AGREEMENT, a.id(), residentId, a);
                }
                for (Referral x : r.referrals()) {
                    putRecord(RecordKind.REFERRAL, x.id(), residentId, x);
                }
                if (r.plan() != null) {
                    putRecord(RecordKind.DEVELOPMENT_PLAN, r.plan().id(), residentId, r.plan());
                }
            }
        });
    }

    /** A contact attempt and the resident's outreach status it changed, together. */
    @Override
    public synchronized void saveContactAttempt(ContactAttempt attempt, Resident resident) {
        inTransaction(() -> {
            putResident(resident);
            putRecord(RecordKind.CONTACT_ATTEMPT, attempt.id(), attempt.residentId(), attempt);
        });
    }

    /** Saves a conversation being written; called as the coach types. */
    @Override
    public synchronized void saveDraft(ConversationDraft draft) {
        inTransaction(() -> putRecord(RecordKind.DRAFT, draft.conversation().id(), draft.conversation().residentId(), draft));
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
            if (existingKind(finalised.id()) == RecordKind.CONVERSATION) {
                throw new FinalisedConversationException();
            }
            delete(finalised.id());
            putResident(resident);
            putRecord(RecordKind.CONVERSATION, finalised.id(), finalised.residentId(), finalised);
            for (Agreement a : draft.agreements()) {
                putRecord(RecordKind.AGREEMENT, a.id(), a.residentId(), a);
            }
            for (Referral r : draft.referrals()) {
                putRecord(RecordKind.REFERRAL, r.id(), r.residentId(), r);
            }
        });
    }

    /** Throws away a draft that was never finalised. */
    @Override
    public synchronized void discardDraft(UUID conversationId) {
        inTransaction(() -> {
            if (existingKind(conversationId) == RecordKind.DRAFT) {
                delete(conversationId);
            }
        });
    }

    @Override
    public synchronized void saveAgreement(Agreement agreement) {
        inTransaction(() -> putRecord(RecordKind.AGREEMENT, agreement.id(), agreement.residentId(), agreement));
    }

    @Override
    public synchronized void saveReferral(Referral referral) {
        inTransaction(() -> putRecord(RecordKind.REFERRAL, referral.id(), referral.residentId(), referral));
    }

    @Override
    public synchronized void saveAppointment(Appointment appointment) {
        inTransaction(() -> putRecord(RecordKind.APPOINTMENT, appointment.id(), appointment.residentId(), appointment));
    }

    @Override
    public synchronized void savePlan(DevelopmentPlan plan) {
        inTransaction(() -> putRecord(RecordKind.DEVELOPMENT_PLAN, plan.id(), plan.residentId(), plan));
    }

    /** Replaces the reference data and the sociale kaart. */
    public synchronized void saveReference(ReferenceData referenceData, List<SocialMapEntry> socialMap) {
        inTransaction(() -> {
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
        });
    }

    /** Forgets the data key and closes the file: the caseload can no longer be read. */
    @Override
    public synchronized void close() {
        sealer.close();
        closeQuietly(connection);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void putResident(Resident resident) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO resident (id, sealed) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed")) {
            String id = resident.id().toString();
            statement.setString(1, id);
            statement.setBytes(2, seal(RESIDENT, id, resident));
            statement.executeUpdate();
        }
    }

    private void putRecord(RecordKind kind, UUID id, UUID residentId, Object record) throws SQLException {
        if (kind == RecordKind.DRAFT && existingKind(id) == RecordKind.CONVERSATION) {
            throw new FinalisedConversationException();
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO record (id, resident_id, kind, sealed) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET resident_id = excluded.resident_id, kind = excluded.kind,
                    sealed = excluded.sealed""")) {
            String key = id.toString();
            statement.setString(1, key);
            statement.setString(2, residentId.toString());
            statement.setString(3, kind.code());
            statement.setBytes(4, seal(kind.code(), key, record));
            statement.executeUpdate();
        }
    }

    private RecordKind existingKind(UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT kind FROM record WHERE id = ?")) {
            statement.setString(1, id.toString());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? RecordKind.of(row.getString(1)) : null;
            }
        }
    }

    private void delete(UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM record WHERE id = ?")) {
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
