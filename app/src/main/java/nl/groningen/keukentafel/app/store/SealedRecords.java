package nl.groningen.keukentafel.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.CurrentResidents;
import nl.groningen.keukentafel.app.domain.LocalStoreException;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.store.crypto.Sealer;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;

/**
 * The {@code resident} and {@code record} tables, every row sealed under the coach's data key (see
 * {@link Sealer}): reading the caseload (decrypted into memory), and the row writes the coach's
 * saves, conflicts and pulled pages are made of. Reads take the database's lock; the row writes run
 * in their caller's transaction.
 */
public final class SealedRecords implements CurrentResidents {

    static final String RESIDENT = "resident";
    static final String UPSERT_RESIDENT =
            "INSERT INTO resident (id, sealed) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed";
    private static final String UPSERT_RECORD = """
            INSERT INTO record (id, resident_id, kind, sealed) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET resident_id = excluded.resident_id, kind = excluded.kind,
                sealed = excluded.sealed""";
    static final String DELETE_RECORD = "DELETE FROM record WHERE id = ?";
    /** About ten milliseconds of decrypting at a cold start. */
    private static final int RECORDS_PER_BATCH = 500;

    private final LocalDatabase database;
    private final Connection connection;
    private final Sealer sealer;
    private final ObjectMapper json;
    private final ResidentReader residentReader;

    SealedRecords(LocalDatabase database, Sealer sealer, ObjectMapper json) {
        this.database = database;
        this.connection = database.connection();
        this.sealer = sealer;
        this.json = json;
        this.residentReader = new ResidentReader(json);
    }

    // ---- reading -------------------------------------------------------------------------------

    /** The residents alone: enough to show the caseload. Decrypted on all cores. */
    public List<Resident> residents() {
        synchronized (database) {
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
    public Map<UUID, ResidentRecords> records() {
        return records(() -> { });
    }

    /**
     * Every record of every resident, decrypted and grouped per resident; {@code betweenBatches}
     * runs after each batch of {@value #RECORDS_PER_BATCH} records (a chance for the caller to let
     * more urgent work go first).
     */
    public Map<UUID, ResidentRecords> records(Runnable betweenBatches) {
        synchronized (database) {
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
    }

    /** The whole caseload: residents and every record, decrypted into memory. */
    public Caseload caseload() {
        synchronized (database) {
            return new Caseload(residents(), records());
        }
    }

    @Override
    public Optional<ResidentNow> residentNow(UUID residentId) {
        synchronized (database) {
            String id = residentId.toString();
            try {
                JsonNode body = residentBody(id);
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
    }

    private Object openRecord(SealedRow row) {
        return open(row.kind(), row.id(), row.sealed(), StoredKind.of(row.kind()).type());
    }

    /** A row as read, before it is opened. */
    private record SealedRow(String id, String residentId, String kind, byte[] sealed) {
    }

    // ---- rows, in the caller's transaction -----------------------------------------------------

    /** A resident's stored body, opened, or null when there is none. */
    JsonNode residentBody(String id) throws SQLException {
        return sealedBody(RESIDENT, "SELECT sealed FROM resident WHERE id = ?", id);
    }

    /** A record's stored body, opened as the kind {@code kind}, or null when there is none. */
    JsonNode recordBody(String kind, String id) throws SQLException {
        return sealedBody(kind, "SELECT sealed FROM record WHERE id = ?", id);
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

    void putResident(String id, JsonNode body) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_RESIDENT)) {
            bindResident(statement, id, body);
            statement.executeUpdate();
        }
    }

    /** Binds {@link #UPSERT_RESIDENT}'s parameters. */
    void bindResident(PreparedStatement statement, String id, JsonNode body) throws SQLException {
        statement.setString(1, id);
        statement.setBytes(2, seal(RESIDENT, id, body));
    }

    void putRecord(StoredKind kind, String id, String residentId, JsonNode body) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_RECORD)) {
            bindRecord(statement, kind, id, residentId, body);
            statement.executeUpdate();
        }
    }

    /** Binds the first four parameters of a record's upsert: id, resident, kind, sealed body. */
    void bindRecord(PreparedStatement statement, StoredKind kind, String id, String residentId, JsonNode body)
            throws SQLException {
        statement.setString(1, id);
        statement.setString(2, residentId);
        statement.setString(3, kind.code());
        statement.setBytes(4, seal(kind.code(), id, body));
    }

    /** The kind of the stored record with this id, or null when there is none. */
    StoredKind existingKind(UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT kind FROM record WHERE id = ?")) {
            statement.setString(1, id.toString());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? StoredKind.of(row.getString(1)) : null;
            }
        }
    }

    void delete(UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DELETE_RECORD)) {
            statement.setString(1, id.toString());
            statement.executeUpdate();
        }
    }

    // ---- sealing -------------------------------------------------------------------------------

    /** {@code value} as JSON, sealed for the row of this kind and id. */
    byte[] seal(String kind, String id, Object value) {
        try {
            return sealer.seal(kind, id, json.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sealed row of this kind and id, opened and read as {@code type}. */
    <T> T open(String kind, String id, byte[] sealed, Class<T> type) {
        try {
            return json.readValue(sealer.open(kind, id, sealed), type);
        } catch (IOException e) {
            throw new LocalStoreException("A record in the local database cannot be read", e);
        }
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
