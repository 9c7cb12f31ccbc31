package nl.groningen.keukentafel.server.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.domain.StoredResident;

/**
 * Residents moving between coaches (the office's assign and transfer), and {@code resident_move},
 * which keeps every move's sequence number: a push from a laptop whose cursor is below it is still
 * taken for that resident (see {@code SyncScope}).
 */
final class ResidentMoves {

    private ResidentMoves() {
    }

    /**
     * Assigns a resident to a coach, inside the caller's transaction. The new coach's laptops
     * receive the resident with the full history, logged again for them; the old coach's laptops
     * get a {@code resident_moved} marker. Returns the coach the resident had, or null. Assigning to
     * the coach the resident already has changes nothing.
     */
    static UUID assign(Connection connection, ObjectMapper json, UUID residentId, UUID toCoach, Instant at) throws SQLException {
        Assigned resident = assigned(connection, residentId);
        if (resident == null) {
            throw new StoreException("No resident with id " + residentId, null);
        }
        if (!coachExists(connection, toCoach)) {
            throw new StoreException("No coach with id " + toCoach, null);
        }
        String from = resident.coachId();
        if (toCoach.toString().equals(from)) {
            return UUID.fromString(from);
        }
        ObjectNode moved;
        try {
            moved = (ObjectNode) json.readTree(resident.body());
            moved.put("coach_id", toCoach.toString());
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE resident SET coach_id = ?, body = ? WHERE id = ?")) {
                statement.setString(1, toCoach.toString());
                statement.setString(2, json.writeValueAsString(moved));
                statement.setString(3, residentId.toString());
                statement.executeUpdate();
            }
            new ReportFacts(connection, json).residents(List.of(json.writeValueAsString(moved)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        long moveSeq = from == null ? ChangeLog.takeNumbers(connection, 1) : ChangeLog.append(connection, List.of(
                new ChangeLog.Entry(UUID.randomUUID(), RecordKind.RESIDENT_MOVED.wireName(), residentId.toString(),
                        residentId.toString(), true, null, from)));
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO resident_move (seq, resident_id, from_coach, to_coach, moved_at) VALUES (?, ?, ?, ?, ?)")) {
            statement.setLong(1, moveSeq);
            statement.setString(2, residentId.toString());
            statement.setString(3, from);
            statement.setString(4, toCoach.toString());
            statement.setLong(5, at.toEpochMilli());
            statement.executeUpdate();
        }
        ChangeLog.append(connection, ChangeLog.recordsToLog(connection, """
                SELECT 'resident', r.id, r.id, r.body, r.coach_id FROM resident r WHERE r.id = ?
                UNION ALL
                SELECT rr.kind, rr.id, rr.resident_id, rr.body, r.coach_id FROM resident_record rr
                JOIN resident r ON r.id = rr.resident_id WHERE rr.resident_id = ?""",
                recordId -> UUID.randomUUID(), residentId.toString(), residentId.toString()));
        return from == null ? null : UUID.fromString(from);
    }

    /**
     * Every move of these residents (none read for an empty list), by resident id: what a push's scope
     * check needs for the residents it touches that are not the pushing coach's own.
     */
    static Map<String, List<StoredResident.Move>> of(Connection connection, StoreKind kind, Collection<String> residentIds)
            throws SQLException {
        Map<String, List<StoredResident.Move>> moves = new HashMap<>();
        ByIds.select(connection, kind, "SELECT resident_id, from_coach, seq FROM resident_move WHERE resident_id IN (%s)",
                new TreeSet<>(residentIds), false, row -> moves.computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                        .add(new StoredResident.Move(row.getString(2), row.getLong(3))));
        return moves;
    }

    /** A resident's coach (null: none) and body. */
    private record Assigned(String coachId, String body) {
    }

    /** The resident's coach and body, or null: no such resident. */
    private static Assigned assigned(Connection connection, UUID residentId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT coach_id, body FROM resident WHERE id = ?")) {
            statement.setString(1, residentId.toString());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? new Assigned(row.getString(1), row.getString(2)) : null;
            }
        }
    }

    private static boolean coachExists(Connection connection, UUID coachId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM coach WHERE id = ?")) {
            statement.setString(1, coachId.toString());
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }
}
