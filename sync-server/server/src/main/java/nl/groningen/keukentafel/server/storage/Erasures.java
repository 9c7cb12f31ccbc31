package nl.groningen.keukentafel.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.office.ErasureReason;
import nl.groningen.keukentafel.contract.office.ErasureResult;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.server.domain.Actor;
import nl.groningen.keukentafel.server.domain.StoreKind;

/**
 * Erasing a resident (AVG art. 17), inside the caller's transaction: every record, fact, move and
 * logged change of theirs goes; what is left is the tombstone ({@code resident_erasure}: id, when,
 * reason, reference), the audit entries about them with one more ({@code erased}), and a
 * {@code resident_erased} marker in the change log for every coach whose laptops had them, so each
 * of those laptops purges the resident at its next pull. See docs/privacy.md, "Erasure".
 */
final class Erasures {

    /** The tables of report facts about a resident's records, emptied before the records themselves. */
    private static final List<String> FACT_TABLES = List.of("conversation_fact", "contact_attempt_fact", "referral_fact",
            "agreement_fact", "development_plan_fact", "resident_fact");

    private Erasures() {
    }

    /** The resident's records by kind (wire name to count); empty for no such resident. */
    static Map<String, Integer> records(Connection connection, UUID residentId) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT kind, COUNT(*) FROM resident_record WHERE resident_id = ? GROUP BY kind")) {
            statement.setString(1, residentId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    /**
     * The names of the unrevoked laptops that may hold the resident: those of every coach the
     * resident's changes were ever logged for (the coach now, and any the resident moved from).
     */
    static List<String> laptops(Connection connection, UUID residentId) throws SQLException {
        Set<String> coaches = audience(connection, residentId);
        List<String> names = new ArrayList<>();
        if (coaches.isEmpty()) {
            return names;
        }
        String marks = String.join(", ", coaches.stream().map(c -> "?").toList());
        try (PreparedStatement statement = connection.prepareStatement("SELECT d.name FROM device d JOIN app_user u ON u.id = d.user_id"
                + " WHERE d.revoked_at IS NULL AND u.coach_id IN (" + marks + ") ORDER BY d.name")) {
            int i = 1;
            for (String coach : coaches) {
                statement.setString(i++, coach);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    /**
     * Erases the resident; returns what went, or null: there is no such resident (never was, or
     * erased already: see {@link #isErased}). The reference is checked by the caller.
     */
    static ErasureResult erase(Connection connection, StoreKind kind, UUID residentId, ErasureReason reason, String reference,
                               Actor actor, Instant at) throws SQLException {
        String id = residentId.toString();
        // Locks the resident on PostgreSQL: a push to them waits, then finds the tombstone.
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT coach_id FROM resident WHERE id = ?" + (kind == StoreKind.POSTGRESQL ? " FOR UPDATE" : ""))) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
            }
        }
        Set<String> audience = audience(connection, residentId);
        int records = records(connection, residentId).values().stream().mapToInt(Integer::intValue).sum();
        for (String table : FACT_TABLES) {
            delete(connection, "DELETE FROM " + table + " WHERE resident_id = ?", id);
        }
        delete(connection, "DELETE FROM resident_record WHERE resident_id = ?", id);
        delete(connection, "DELETE FROM resident_move WHERE resident_id = ?", id);
        delete(connection, "DELETE FROM change_log WHERE resident_id = ?", id);
        delete(connection, "DELETE FROM resident WHERE id = ?", id);
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO resident_erasure (resident_id, erased_at, reason, reference) VALUES (?, ?, ?, ?)")) {
            statement.setString(1, id);
            statement.setLong(2, at.toEpochMilli());
            statement.setString(3, reason.name().toLowerCase(Locale.ROOT));
            if (reference == null) {
                statement.setNull(4, Types.VARCHAR);
            } else {
                statement.setString(4, reference);
            }
            statement.executeUpdate();
        }
        AuditLog.append(connection, List.of(id), AuditAction.ERASED, actor, at);
        List<ChangeLog.Entry> markers = new ArrayList<>();
        for (String coach : audience) {
            markers.add(new ChangeLog.Entry(UUID.randomUUID(), RecordKind.RESIDENT_ERASED.wireName(), id, id, true, null, coach));
        }
        ChangeLog.append(connection, markers); // last: the counter stays locked only for the commit
        return new ErasureResult(residentId, at, records);
    }

    /** Whether the resident was erased (has a tombstone). */
    static boolean isErased(Connection connection, UUID residentId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM resident_erasure WHERE resident_id = ?")) {
            statement.setString(1, residentId.toString());
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Those of these residents that were erased. */
    static Set<String> erased(Connection connection, StoreKind kind, Collection<String> residentIds) throws SQLException {
        Set<String> erased = new TreeSet<>();
        ByIds.select(connection, kind, "SELECT resident_id FROM resident_erasure WHERE resident_id IN (%s)",
                new TreeSet<>(residentIds), false, row -> erased.add(row.getString(1)));
        return erased;
    }

    /** The residents who left the group on or before this day: the retention job's to erase. */
    static List<UUID> leftOnOrBefore(Connection connection, LocalDate day) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        // ISO dates compare as text.
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM resident WHERE left_group_on IS NOT NULL AND left_group_on <= ? ORDER BY id")) {
            statement.setString(1, day.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(UUID.fromString(rows.getString(1)));
                }
            }
        }
        return ids;
    }

    /** The coaches whose laptops may hold the resident: every coach a change of theirs was logged for, and the coach now. */
    private static Set<String> audience(Connection connection, UUID residentId) throws SQLException {
        Set<String> coaches = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT DISTINCT coach_id FROM change_log WHERE resident_id = ? AND coach_id IS NOT NULL
                UNION SELECT coach_id FROM resident WHERE id = ? AND coach_id IS NOT NULL""")) {
            statement.setString(1, residentId.toString());
            statement.setString(2, residentId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    coaches.add(rows.getString(1));
                }
            }
        }
        return coaches;
    }

    private static void delete(Connection connection, String sql, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.executeUpdate();
        }
    }
}
