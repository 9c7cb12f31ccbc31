package nl.groningen.keukentafel.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.LocalStoreException;
import nl.groningen.keukentafel.app.domain.Outbox;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;

/**
 * The {@code outbox}, {@code sent_change} and {@code sync_refusal} tables: each change the coach
 * makes, queued (sealed) in the same transaction as the change itself, taken and acknowledged by
 * the sync, kept a while once answered, and the server's refusals. A change answered
 * {@code erased} is dropped, and its resident purged from the laptop ({@link ErasedResidents}).
 */
public final class OutboxTable implements Outbox {

    private static final String OUTBOX = "outbox";

    private final LocalDatabase database;
    private final Connection connection;
    private final SealedRecords records;
    private final SyncStateTable state;
    private final ErasedResidents erased;
    private final ObjectMapper json;

    OutboxTable(LocalDatabase database, SealedRecords records, SyncStateTable state, ObjectMapper json) {
        this.database = database;
        this.connection = database.connection();
        this.records = records;
        this.state = state;
        this.erased = new ErasedResidents(connection);
        this.json = json;
    }

    /**
     * Puts a change in the outbox, in the caller's transaction. A change not yet sent for the same
     * record takes the new body and keeps its base (one entry per record while offline, however
     * often it is edited); once sent, a further change gets an entry of its own.
     */
    void queue(String kind, UUID recordId, UUID residentId, JsonNode body, JsonNode base) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT change_id, sealed, deleted FROM outbox WHERE record_id = ? AND sent = 0 ORDER BY position DESC LIMIT 1")) {
            find.setString(1, recordId.toString());
            try (ResultSet row = find.executeQuery()) {
                if (row.next() && row.getInt(3) == 0 && body != null) {
                    String changeId = row.getString(1);
                    JsonNode earlier = records.open(OUTBOX, changeId, row.getBytes(2), JsonNode.class);
                    try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET sealed = ? WHERE change_id = ?")) {
                        update.setBytes(1, records.seal(OUTBOX, changeId, outboxEntry(body, earlier.get("base"))));
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
            insert.setBytes(6, records.seal(OUTBOX, changeId, outboxEntry(body, base)));
            insert.executeUpdate();
        }
    }

    private ObjectNode outboxEntry(JsonNode body, JsonNode base) {
        ObjectNode entry = json.createObjectNode();
        entry.set("body", body);
        entry.set("base", base);
        return entry;
    }

    /** The records with a change in the outbox, in the caller's transaction. */
    Set<String> waitingRecordIds() throws SQLException {
        Set<String> waiting = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT record_id FROM outbox")) {
            while (rows.next()) {
                waiting.add(rows.getString(1));
            }
        }
        return waiting;
    }

    @Override
    public List<Change> takeOutbox(int max) {
        List<Change> changes = new ArrayList<>();
        database.inSyncTransaction(() -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT change_id, kind, record_id, resident_id, deleted, sealed FROM outbox ORDER BY position LIMIT ?""")) {
                statement.setInt(1, max);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String changeId = rows.getString(1);
                        JsonNode entry = records.open(OUTBOX, changeId, rows.getBytes(6), JsonNode.class);
                        changes.add(new Change(UUID.fromString(changeId), rows.getString(2), UUID.fromString(rows.getString(3)),
                                UUID.fromString(rows.getString(4)), rows.getInt(5) == 1, nullIfNull(entry.get("body")),
                                nullIfNull(entry.get("base"))));
                    }
                }
            }
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE outbox SET sent = 1, first_cursor = COALESCE(first_cursor, ?) WHERE change_id = ?")) {
                long cursor = state.cursor();
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
     * answered otherwise now (sent again after a restore) is no longer listed as refused. A change
     * answered {@code erased} is neither kept nor refused: its resident is purged, with whatever
     * else still waited for them; the other answers of the batch are handled as always.
     */
    @Override
    public void acknowledge(List<ChangeResult> results, Instant at) {
        Set<String> erasedResidents = new LinkedHashSet<>();
        synchronized (database) {
            database.inSyncTransaction(() -> {
                try (PreparedStatement refuse = connection.prepareStatement("""
                        INSERT INTO sync_refusal (change_id, kind, record_id, resident_id, reason, refused_at)
                        SELECT change_id, kind, record_id, resident_id, ?, ? FROM outbox WHERE change_id = ?
                        ON CONFLICT (change_id) DO NOTHING""");
                     PreparedStatement accepted = connection.prepareStatement("DELETE FROM sync_refusal WHERE change_id = ?");
                     PreparedStatement keep = connection.prepareStatement("""
                        INSERT INTO sent_change (position, change_id, kind, record_id, resident_id, deleted, sealed, first_cursor, answered_at)
                        SELECT position, change_id, kind, record_id, resident_id, deleted, sealed, first_cursor, ? FROM outbox WHERE change_id = ?
                        ON CONFLICT DO NOTHING""");
                     PreparedStatement residentOf = connection.prepareStatement("SELECT resident_id FROM outbox WHERE change_id = ?");
                     PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE change_id = ?")) {
                    for (ChangeResult result : results) {
                        String changeId = result.changeId().toString();
                        if (result.status() == ChangeStatus.ERASED) {
                            residentOf.setString(1, changeId);
                            try (ResultSet row = residentOf.executeQuery()) {
                                if (row.next()) {
                                    erasedResidents.add(row.getString(1));
                                }
                            }
                        } else {
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
                        }
                        delete.setString(1, changeId);
                        delete.executeUpdate();
                    }
                }
                for (String residentId : erasedResidents) {
                    erased.purge(residentId);
                }
                if (!erasedResidents.isEmpty()) {
                    erased.overwriteIndexes();
                }
            });
            if (!erasedResidents.isEmpty()) {
                database.truncateWal();
            }
        }
    }

    /**
     * Puts every kept answered change back in the outbox, in one transaction: at its old place (so
     * before every change made since, in the original order), with its change id, body and base as
     * they were, and marked sent, so a further edit of the record gets an entry of its own instead
     * of changing one the server may already have answered.
     */
    @Override
    public int resendSent() {
        int[] moved = new int[1];
        database.inSyncTransaction(() -> {
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
    public long pushCursor() {
        synchronized (database) {
            long cursor = state.cursor();
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT MIN(first_cursor) FROM outbox WHERE sent = 1")) {
                long first = row.next() ? row.getLong(1) : 0;
                return row.wasNull() ? cursor : Math.min(first, cursor);
            } catch (SQLException e) {
                throw new LocalStoreException("The local database cannot be read", e);
            }
        }
    }

    @Override
    public int sentKept() {
        synchronized (database) {
            return count("SELECT COUNT(*) FROM sent_change", null);
        }
    }

    @Override
    public void forgetSentBefore(Instant before) {
        database.inSyncTransaction(() -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM sent_change WHERE answered_at < ?")) {
                statement.setLong(1, before.toEpochMilli());
                statement.executeUpdate();
            }
        });
    }

    @Override
    public int waiting() {
        synchronized (database) {
            return count("SELECT COUNT(*) FROM outbox", null);
        }
    }

    @Override
    public boolean hasWaitingFor(UUID residentId) {
        synchronized (database) {
            return count("SELECT COUNT(*) FROM outbox WHERE resident_id = ?", residentId.toString()) > 0;
        }
    }

    @Override
    public List<Refusal> refusals() {
        synchronized (database) {
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
}
