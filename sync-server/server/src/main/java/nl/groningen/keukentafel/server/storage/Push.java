package nl.groningen.keukentafel.server.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.server.domain.Actor;
import nl.groningen.keukentafel.server.domain.ChangeRules;
import nl.groningen.keukentafel.server.domain.PushDecision;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.domain.StoredRecord;
import nl.groningen.keukentafel.server.domain.StoredResident;
import nl.groningen.keukentafel.server.domain.SyncScope;

/**
 * One push of a laptop's changes, inside the transaction {@link ServerStore#push} opened for it:
 * the reading and writing around the decisions, which {@link ChangeRules} makes. It reads what its
 * changes touch in a few queries (answers given before, the residents and, where the scope needs
 * them, their moves, the records), decides every change in order in memory (a later change in the
 * same push sees what an earlier one wrote), then writes in batches, and appends to the
 * {@link ChangeLog} last, right before the commit: the counter row stays locked only for the final
 * inserts and the commit, so a number still never becomes visible before all lower numbers are.
 *
 * <p>On PostgreSQL the residents and records read are locked ({@code FOR UPDATE}, in id order) until
 * the commit: a concurrent push to the same record waits and then merges with what this one wrote,
 * and a resident cannot move to another coach between the scope check and the write. On SQLite
 * every write transaction runs alone, so there is nothing to lock.
 */
final class Push {

    private final Connection connection;
    private final StoreKind kind;
    private final ObjectMapper json;
    private final ChangeRules rules;
    private final SyncScope scope;

    /** Answers stored by earlier pushes, by change id. */
    private final Map<UUID, ChangeResult> earlier = new HashMap<>();
    /** Answers given in this push, by change id, in the order given. */
    private final Map<UUID, Answer> answers = new LinkedHashMap<>();
    /** The residents of this push's changes that were erased: their changes are answered {@code erased}. */
    private final Set<String> erased = new TreeSet<>();
    /** Residents as this push sees them (read, then as written); no entry: no such resident. */
    private final Map<String, StoredResident> residents = new HashMap<>();
    /** Records as this push sees them; a null value: there is none (any more). */
    private final Map<String, StoredRecord> records = new HashMap<>();
    private final Map<String, String> residentWrites = new LinkedHashMap<>();
    /** The last write per record: its new state, or null for a delete. */
    private final Map<String, StoredRecord> recordWrites = new LinkedHashMap<>();
    /** What this push logs, in order; numbered when appended. */
    private final List<ChangeLog.Entry> log = new ArrayList<>();

    /** The residents a change of this push was taken for: one audit entry each. */
    private final Set<String> changed = new TreeSet<>();
    private final Actor actor;
    private final Instant at;

    Push(Connection connection, StoreKind kind, ObjectMapper json, ChangeRules rules, SyncScope scope, Actor actor, Instant at) {
        this.connection = connection;
        this.kind = kind;
        this.json = json;
        this.rules = rules;
        this.scope = scope;
        this.actor = actor;
        this.at = at;
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
        for (Change change : changes) {
            given.add(answer(change));
        }
        writeResidents();
        writeRecords();
        AuditLog.append(connection, changed, AuditAction.PUSHED, actor, at);
        long first = ChangeLog.append(connection, log);
        writeAnswers(first);
        beforeCommit.run();
        List<ChangeResult> results = new ArrayList<>();
        for (Object answer : given) {
            results.add(answer instanceof Answer a ? result(a, first) : (ChangeResult) answer);
        }
        return results;
    }

    private Object answer(Change change) {
        UUID changeId = change.changeId();
        if (changeId != null && earlier.containsKey(changeId)) {
            return earlier.get(changeId);
        }
        if (changeId != null && answers.containsKey(changeId)) {
            return answers.get(changeId);
        }
        if (change.residentId() != null && erased.contains(change.residentId().toString())) {
            Answer gone = new Answer(changeId, ChangeStatus.ERASED, -1, null);
            if (changeId != null) {
                answers.put(changeId, gone);
            }
            return gone;
        }
        StoredResident resident = change.residentId() == null ? null : residents.get(change.residentId().toString());
        StoredRecord existing = change.recordId() == null || RecordKind.RESIDENT.is(change.kind()) ? null
                : records.get(change.recordId().toString());
        PushDecision decision = rules.decide(change, scope, resident, existing);
        Answer answer;
        if (decision instanceof PushDecision.Accepted accepted) {
            String assigned = resident.coachId(); // the entries go to the resident's coach's laptops
            String body = accepted.body() == null ? null : toJson(accepted.body());
            write(change, resident, body);
            changed.add(change.residentId().toString());
            int logIndex = log.size();
            log.add(new ChangeLog.Entry(changeId, change.kind(), change.recordId().toString(), change.residentId().toString(),
                    change.deleted(), body, assigned));
            for (Conflict conflict : accepted.conflicts()) {
                keep(conflict, assigned);
            }
            answer = new Answer(changeId, accepted.status(), logIndex, null);
        } else {
            answer = new Answer(changeId, decision.status(), -1, ((PushDecision.Refused) decision).reason());
        }
        if (changeId != null) { // without an id there is nothing to keep the answer under
            answers.put(changeId, answer);
        }
        return answer;
    }

    /** Writes an accepted change into this push's view (and so, later, into the tables); a null body is a delete. */
    private void write(Change change, StoredResident resident, String body) {
        String residentId = change.residentId().toString();
        if (RecordKind.RESIDENT.is(change.kind())) {
            residents.put(residentId, resident.withBody(body));
            residentWrites.put(residentId, body);
        } else {
            putRecord(change.recordId().toString(), body == null ? null : new StoredRecord(change.kind(), residentId, body));
        }
    }

    /** Keeps (or replaces) a conflict record and logs it for the resident's coach. */
    private void keep(Conflict conflict, String audience) {
        String body = toJson(conflict);
        putRecord(conflict.id().toString(), new StoredRecord(RecordKind.CONFLICT.wireName(), conflict.residentId().toString(), body));
        log.add(new ChangeLog.Entry(UUID.randomUUID(), RecordKind.CONFLICT.wireName(), conflict.id().toString(),
                conflict.residentId().toString(), false, body, audience));
    }

    /** A record's new state (null: deleted), as this push sees it and as it will write it. */
    private void putRecord(String id, StoredRecord record) {
        records.put(id, record);
        recordWrites.put(id, record);
    }

    // ---- reading, in bulk ------------------------------------------------------------------------

    private void readEarlierAnswers(List<Change> changes) throws SQLException {
        TreeSet<String> ids = new TreeSet<>();
        changes.stream().filter(c -> c.changeId() != null).forEach(c -> ids.add(c.changeId().toString()));
        ByIds.select(connection, kind, "SELECT change_id, status, seq, reason FROM change_result WHERE change_id IN (%s)", ids,
                false, row -> {
                    UUID changeId = UUID.fromString(row.getString(1));
                    // wasNull right after its own column: a rejected change has no number, and must not come back as 0.
                    long number = row.getLong(3);
                    Long seq = row.wasNull() ? null : number;
                    earlier.put(changeId, new ChangeResult(changeId, ChangeStatus.valueOf(row.getString(2)), seq, row.getString(4)));
                });
    }

    /** The residents, locked on PostgreSQL; with the moves of those the scope needs them for. */
    private void readResidents(List<Change> changes) throws SQLException {
        TreeSet<String> ids = new TreeSet<>();
        changes.stream().filter(c -> c.residentId() != null).forEach(c -> ids.add(c.residentId().toString()));
        ByIds.select(connection, kind, "SELECT id, coach_id, body FROM resident WHERE id IN (%s)", ids, true,
                row -> residents.put(row.getString(1), new StoredResident(row.getString(2), row.getString(3), List.of())));
        // After the lock: a push that waited for an erasure of its resident sees the tombstone.
        erased.addAll(Erasures.erased(connection, kind, ids));
        List<String> needMoves = residents.entrySet().stream().filter(r -> scope.needsMoves(r.getValue().coachId()))
                .map(Map.Entry::getKey).toList();
        Map<String, List<StoredResident.Move>> moves = ResidentMoves.of(connection, kind, needMoves);
        for (String id : needMoves) {
            StoredResident read = residents.get(id);
            residents.put(id, new StoredResident(read.coachId(), read.body(), moves.getOrDefault(id, List.of())));
        }
    }

    private void readRecords(List<Change> changes) throws SQLException {
        TreeSet<String> ids = new TreeSet<>();
        changes.stream().filter(c -> c.recordId() != null && !RecordKind.RESIDENT.is(c.kind()))
                .forEach(c -> ids.add(c.recordId().toString()));
        ByIds.select(connection, kind, "SELECT id, kind, resident_id, body FROM resident_record WHERE id IN (%s)", ids, true,
                row -> records.put(row.getString(1), new StoredRecord(row.getString(2), row.getString(3), row.getString(4))));
    }

    // ---- writing, in batches -----------------------------------------------------------------------

    private void writeResidents() throws SQLException {
        Batch.run(connection, "UPDATE resident SET body = ? WHERE id = ?", residentWrites.entrySet(), (statement, write) -> {
            statement.setString(1, write.getValue());
            statement.setString(2, write.getKey());
        });
        new ReportFacts(connection, json).residents(residentWrites.values());
    }

    private void writeRecords() throws SQLException {
        Batch.run(connection, "DELETE FROM resident_record WHERE id = ?",
                recordWrites.entrySet().stream().filter(w -> w.getValue() == null).toList(),
                (statement, write) -> statement.setString(1, write.getKey()));
        Batch.run(connection, """
                INSERT INTO resident_record (id, kind, resident_id, body) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, resident_id = excluded.resident_id,
                    body = excluded.body""",
                recordWrites.entrySet().stream().filter(w -> w.getValue() != null).toList(), (statement, write) -> {
                    statement.setString(1, write.getKey());
                    statement.setString(2, write.getValue().kind());
                    statement.setString(3, write.getValue().residentId());
                    statement.setString(4, write.getValue().body());
                });
        new ReportFacts(connection, json).written(recordWrites);
    }

    private void writeAnswers(long first) throws SQLException {
        Batch.run(connection, "INSERT INTO change_result (change_id, status, seq, reason) VALUES (?, ?, ?, ?)", answers.values(),
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
