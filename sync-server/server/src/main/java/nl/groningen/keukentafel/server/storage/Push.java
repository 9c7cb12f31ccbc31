package nl.groningen.keukentafel.server.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.FieldMerge;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.server.domain.StoreKind;

/**
 * One push of a laptop's changes, inside the transaction {@link ServerStore#push} opened for it.
 * It reads what its changes touch in three queries (answers given before, the residents, the
 * records), decides every change in order in memory (a later change in the same push sees what an
 * earlier one wrote), then writes in batches, and takes its block of sequence numbers last, right
 * before the commit: the counter row stays locked only for the final inserts and the commit, so a
 * number still never becomes visible before all lower numbers are.
 *
 * <p>On PostgreSQL the residents and records read are locked ({@code FOR UPDATE}, in id order) until
 * the commit: a concurrent push to the same record waits and then merges with what this one wrote,
 * and a resident cannot move to another coach between the scope check and the write. On SQLite
 * every write transaction runs alone, so there is nothing to lock.
 */
final class Push {

    /** Ids per {@code IN (...)} list: more than a laptop sends in one push, well under both databases' limits. */
    private static final int IN_LIST = 1_000;

    private final Connection connection;
    private final StoreKind kind;
    private final ObjectMapper json;
    private final UUID coachId;
    private final long cursor;

    /** Answers stored by earlier pushes, by change id. */
    private final Map<UUID, ChangeResult> earlier = new HashMap<>();
    /** Answers given in this push, by change id, in the order given. */
    private final Map<UUID, Answer> answers = new LinkedHashMap<>();
    /** Residents as this push sees them (read, then as written); no entry: no such resident. */
    private final Map<String, ResidentRow> residents = new HashMap<>();
    /** Records as this push sees them; a null value: there is none (any more). */
    private final Map<String, StoredRecord> records = new HashMap<>();
    private final Map<String, String> residentWrites = new LinkedHashMap<>();
    /** The last write per record: its new state, or null for a delete. */
    private final Map<String, StoredRecord> recordWrites = new LinkedHashMap<>();
    private final List<LogEntry> log = new ArrayList<>();
    private PreparedStatement movedAway;

    Push(Connection connection, StoreKind kind, ObjectMapper json, UUID coachId, long cursor) {
        this.connection = connection;
        this.kind = kind;
        this.json = json;
        this.coachId = coachId;
        this.cursor = cursor;
    }

    private record ResidentRow(String coachId, String body) {
    }

    /** A record as stored: its kind, resident and body. */
    record StoredRecord(String kind, String residentId, String body) {
    }

    /** A change for the log, numbered when the block is taken. */
    private record LogEntry(UUID changeId, String kind, String recordId, String residentId, boolean deleted, String body,
                            String audience) {
    }

    /** An answer given in this push; {@code logIndex} is its change's place in the log, or -1. */
    private record Answer(UUID changeId, ChangeStatus status, int logIndex, String reason) {
    }

    /** Applies the changes; runs {@code beforeCommit} once every number is taken and everything written. */
    List<ChangeResult> apply(List<Change> changes, Runnable beforeCommit) throws SQLException {
        readEarlierAnswers(changes);
        readResidents(changes);
        readRecords(changes);
        List<Object> given = new ArrayList<>(); // per change: an earlier ChangeResult or an Answer of this push
        try {
            for (Change change : changes) {
                given.add(answer(change));
            }
        } finally {
            if (movedAway != null) {
                movedAway.close();
            }
        }
        writeResidents();
        writeRecords();
        long first = log.isEmpty() ? 0 : ServerStore.nextSequence(connection, log.size()) - log.size() + 1;
        writeLog(first);
        writeAnswers(first);
        beforeCommit.run();
        List<ChangeResult> results = new ArrayList<>();
        for (Object answer : given) {
            results.add(answer instanceof Answer a ? result(a, first) : (ChangeResult) answer);
        }
        return results;
    }

    private Object answer(Change change) throws SQLException {
        UUID changeId = change.changeId();
        if (changeId != null && earlier.containsKey(changeId)) {
            return earlier.get(changeId);
        }
        if (changeId != null && answers.containsKey(changeId)) {
            return answers.get(changeId);
        }
        ResidentRow resident = change.residentId() == null ? null : residents.get(change.residentId().toString());
        String assigned = resident == null ? null : resident.coachId();
        String refusal = refusal(change, resident, assigned);
        Answer answer;
        if (refusal != null) {
            answer = new Answer(changeId, ChangeStatus.REJECTED, -1, refusal);
        } else {
            List<FieldMerge.FieldConflict> conflicts = new ArrayList<>();
            String body = write(change, assigned, conflicts);
            int logIndex = log.size();
            log.add(new LogEntry(changeId, change.kind(), change.recordId().toString(), change.residentId().toString(),
                    change.deleted(), body, assigned));
            for (FieldMerge.FieldConflict conflict : conflicts) {
                keepConflict(change, conflict, assigned);
            }
            answer = new Answer(changeId, conflicts.isEmpty() ? ChangeStatus.APPLIED : ChangeStatus.CONFLICT, logIndex, null);
        }
        if (changeId != null) { // without an id there is nothing to keep the answer under
            answers.put(changeId, answer);
        }
        return answer;
    }

    /** Why a change cannot be applied, or null when it can. */
    private String refusal(Change change, ResidentRow resident, String assigned) throws SQLException {
        Class<?> type = RecordKind.ofWireName(change.kind()).filter(RecordKind::pushable).map(RecordKind::type).orElse(null);
        if (type == null) {
            return "unknown_kind";
        }
        if (change.changeId() == null || change.recordId() == null || change.residentId() == null) {
            return "missing_id";
        }
        boolean inScope = coachId == null ? resident != null
                : coachId.toString().equals(assigned) || movedAwayAfterCursor(change.residentId());
        if (!inScope) {
            return "not_in_scope";
        }
        boolean isResident = RecordKind.RESIDENT.is(change.kind());
        if (isResident && (change.deleted() || !change.recordId().equals(change.residentId()))) {
            return "not_allowed";
        }
        if (RecordKind.CONFLICT.is(change.kind()) && !change.deleted()) {
            return "not_allowed"; // the server makes conflicts; the laptop only resolves them
        }
        if (!change.deleted()) {
            if (change.body() == null || !change.body().isObject()) {
                return "invalid_body";
            }
            try {
                json.treeToValue(change.body(), type);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return "invalid_body";
            }
            String id = change.body().path("id").asText();
            String residentId = isResident ? id : change.body().path("resident_id").asText();
            if (!change.recordId().toString().equals(id) || !change.residentId().toString().equals(residentId)) {
                return "id_mismatch";
            }
        }
        if (!isResident) {
            StoredRecord existing = records.get(change.recordId().toString());
            if (existing != null && !existing.residentId().equals(change.residentId().toString())) {
                return "id_mismatch";
            }
            if (existing != null && RecordKind.CONVERSATION.is(existing.kind()) && isFinalisedConversation(existing.body())) {
                return "finalised";
            }
        }
        return null;
    }

    /**
     * Writes a change into this push's view (and so, later, into the tables); returns the body as
     * stored (merged per field where the kind is merged and the server has a version), or null for
     * a delete. Fields in conflict are added to {@code conflicts}.
     */
    private String write(Change change, String assigned, List<FieldMerge.FieldConflict> conflicts) {
        String residentId = change.residentId().toString();
        if (RecordKind.RESIDENT.is(change.kind())) {
            ObjectNode body = merged(change, residents.get(residentId).body(), conflicts);
            body.put("coach_id", assigned); // a laptop never moves a resident; the office does
            String stored = toJson(body);
            residents.put(residentId, new ResidentRow(assigned, stored));
            residentWrites.put(residentId, stored);
            return stored;
        }
        String recordId = change.recordId().toString();
        if (change.deleted()) {
            records.put(recordId, null);
            recordWrites.put(recordId, null);
            return null;
        }
        StoredRecord existing = records.get(recordId);
        String stored = toJson(merged(change, existing == null ? null : existing.body(), conflicts));
        putRecord(recordId, new StoredRecord(change.kind(), residentId, stored));
        return stored;
    }

    /** The laptop's body merged per field into the server's (when there is one and the kind is merged). */
    private ObjectNode merged(Change change, String serverBody, List<FieldMerge.FieldConflict> conflicts) {
        ObjectNode laptop = (ObjectNode) change.body();
        if (serverBody == null || !RecordKind.ofWireName(change.kind()).map(RecordKind::mergedPerField).orElse(false)) {
            return laptop.deepCopy();
        }
        try {
            FieldMerge.Result result = FieldMerge.merge(change.base(), laptop, (ObjectNode) json.readTree(serverBody));
            conflicts.addAll(result.conflicts());
            return result.merged();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps (or replaces) the conflict record for one field and logs it for the resident's coach. */
    private void keepConflict(Change change, FieldMerge.FieldConflict field, String audience) {
        UUID id = Conflict.idFor(change.changeId(), change.recordId(), field.path());
        Conflict conflict = new Conflict(id, change.residentId(), change.kind(), change.recordId(), field.path(),
                field.serverValue(), field.laptopValue(), Instant.now());
        String body = toJson(conflict);
        putRecord(id.toString(), new StoredRecord(RecordKind.CONFLICT.wireName(), change.residentId().toString(), body));
        log.add(new LogEntry(UUID.randomUUID(), RecordKind.CONFLICT.wireName(), id.toString(), change.residentId().toString(), false,
                body, audience));
    }

    private void putRecord(String id, StoredRecord record) {
        records.put(id, record);
        recordWrites.put(id, record);
    }

    private boolean isFinalisedConversation(String body) {
        try {
            return json.readValue(body, Conversation.class).status() == ConversationStatus.FINALISED;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Whether the resident moved away from this coach after the laptop's cursor (it could not know yet). */
    private boolean movedAwayAfterCursor(UUID residentId) throws SQLException {
        if (movedAway == null) {
            movedAway = connection.prepareStatement(
                    "SELECT 1 FROM resident_move WHERE resident_id = ? AND from_coach = ? AND seq > ?");
        }
        movedAway.setString(1, residentId.toString());
        movedAway.setString(2, coachId.toString());
        movedAway.setLong(3, cursor);
        try (ResultSet row = movedAway.executeQuery()) {
            return row.next();
        }
    }

    // ---- reading, in bulk ------------------------------------------------------------------------

    private void readEarlierAnswers(List<Change> changes) throws SQLException {
        TreeSet<String> ids = new TreeSet<>();
        changes.stream().filter(c -> c.changeId() != null).forEach(c -> ids.add(c.changeId().toString()));
        select("SELECT change_id, status, seq, reason FROM change_result WHERE change_id IN (%s)", ids, false, row -> {
            UUID changeId = UUID.fromString(row.getString(1));
            long seq = row.getLong(3);
            earlier.put(changeId, new ChangeResult(changeId, ChangeStatus.valueOf(row.getString(2)), row.wasNull() ? null : seq,
                    row.getString(4)));
        });
    }

    private void readResidents(List<Change> changes) throws SQLException {
        TreeSet<String> ids = new TreeSet<>();
        changes.stream().filter(c -> c.residentId() != null).forEach(c -> ids.add(c.residentId().toString()));
        select("SELECT id, coach_id, body FROM resident WHERE id IN (%s)", ids, true,
                row -> residents.put(row.getString(1), new ResidentRow(row.getString(2), row.getString(3))));
    }

    private void readRecords(List<Change> changes) throws SQLException {
        TreeSet<String> ids = new TreeSet<>();
        changes.stream().filter(c -> c.recordId() != null && !RecordKind.RESIDENT.is(c.kind()))
                .forEach(c -> ids.add(c.recordId().toString()));
        select("SELECT id, kind, resident_id, body FROM resident_record WHERE id IN (%s)", ids, true,
                row -> records.put(row.getString(1), new StoredRecord(row.getString(2), row.getString(3), row.getString(4))));
    }

    /**
     * Runs a query with {@code IN (%s)} over the ids, in lists; on PostgreSQL optionally locking the
     * rows, in id order. The ids go in as a {@code VALUES} list, not as {@code IN (?, ?, ...)}: once
     * PostgreSQL plans such a statement generically, a plain list of parameters is compared one by
     * one against every row of a table it chose to scan (and with fresh tables, not yet analysed, it
     * does scan), which made each push slower as the tables grew; a {@code VALUES} list is joined,
     * by index or by hash. SQLite runs both forms the same way, by index.
     */
    private void select(String sql, Collection<String> ids, boolean lock, RowReader reader) throws SQLException {
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            String query = sql.formatted("VALUES " + String.join(", ", Collections.nCopies(part.size(), "(?)")))
                    + (lock && kind == StoreKind.POSTGRESQL ? " ORDER BY id FOR UPDATE" : "");
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                for (int i = 0; i < part.size(); i++) {
                    statement.setString(i + 1, part.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    // ---- writing, in batches -----------------------------------------------------------------------

    private void writeResidents() throws SQLException {
        batch("UPDATE resident SET body = ? WHERE id = ?", residentWrites.entrySet(), (statement, write) -> {
            statement.setString(1, write.getValue());
            statement.setString(2, write.getKey());
        });
    }

    private void writeRecords() throws SQLException {
        batch("DELETE FROM resident_record WHERE id = ?",
                recordWrites.entrySet().stream().filter(w -> w.getValue() == null).toList(),
                (statement, write) -> statement.setString(1, write.getKey()));
        batch("""
                INSERT INTO resident_record (id, kind, resident_id, body) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, resident_id = excluded.resident_id,
                    body = excluded.body""",
                recordWrites.entrySet().stream().filter(w -> w.getValue() != null).toList(), (statement, write) -> {
                    statement.setString(1, write.getKey());
                    statement.setString(2, write.getValue().kind());
                    statement.setString(3, write.getValue().residentId());
                    statement.setString(4, write.getValue().body());
                });
    }

    private void writeLog(long first) throws SQLException {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            indexes.add(i);
        }
        batch("""
                INSERT INTO change_log (seq, change_id, kind, record_id, resident_id, deleted, body, coach_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", indexes, (statement, i) -> {
            LogEntry entry = log.get(i);
            statement.setLong(1, first + i);
            statement.setString(2, entry.changeId().toString());
            statement.setString(3, entry.kind());
            statement.setString(4, entry.recordId());
            statement.setString(5, entry.residentId());
            statement.setBoolean(6, entry.deleted());
            statement.setString(7, entry.body());
            statement.setString(8, entry.audience());
        });
    }

    private void writeAnswers(long first) throws SQLException {
        batch("INSERT INTO change_result (change_id, status, seq, reason) VALUES (?, ?, ?, ?)", answers.values(),
                (statement, answer) -> {
                    statement.setString(1, answer.changeId().toString());
                    statement.setString(2, answer.status().name());
                    if (answer.logIndex() < 0) {
                        statement.setNull(3, Types.BIGINT);
                    } else {
                        statement.setLong(3, first + answer.logIndex());
                    }
                    statement.setString(4, answer.reason());
                });
    }

    private <T> void batch(String sql, Collection<T> items, Binder<T> binder) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    private static ChangeResult result(Answer answer, long first) {
        return new ChangeResult(answer.changeId(), answer.status(), answer.logIndex() < 0 ? null : first + answer.logIndex(),
                answer.reason());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
