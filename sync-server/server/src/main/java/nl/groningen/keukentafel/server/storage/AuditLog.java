package nl.groningen.keukentafel.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.office.AuditEntry;
import nl.groningen.keukentafel.server.domain.Actor;

/**
 * The audit log ({@code audit_log}): who read or changed which resident's data, when, and how.
 * Entries go in with the work they record, in its transaction (a pull's page: right after it is
 * read, before it is sent), and are never changed: this class has no update, and its one delete is
 * {@link #expire} of entries older than the kept period. The store refuses anything else (the
 * triggers of V10, on each store). See docs/privacy.md, "The audit log".
 */
public final class AuditLog {

    private AuditLog() {
    }

    /** Appends one entry per resident (each once, in id order) for this act, at this time. */
    static void append(Connection connection, Collection<String> residentIds, AuditAction action, Actor actor, Instant at)
            throws SQLException {
        if (residentIds.isEmpty()) {
            return;
        }
        Batch.run(connection, "INSERT INTO audit_log (at, resident_id, action, user_id, device_id) VALUES (?, ?, ?, ?, ?)",
                new TreeSet<>(residentIds), (statement, residentId) -> {
                    statement.setLong(1, at.toEpochMilli());
                    statement.setString(2, residentId);
                    statement.setString(3, action.name().toLowerCase(Locale.ROOT));
                    setUuid(statement, 4, actor.userId());
                    setUuid(statement, 5, actor.deviceId());
                });
    }

    /** Every entry about a resident still kept, oldest first, with the user's and device's names as they are now. */
    static List<AuditEntry> of(Connection connection, UUID residentId) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT a.at, a.action, u.user_name, u.role, a.device_id, d.name FROM audit_log a
                LEFT JOIN app_user u ON u.id = a.user_id LEFT JOIN device d ON d.id = a.device_id
                WHERE a.resident_id = ? ORDER BY a.at, a.action""")) {
            statement.setString(1, residentId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String role = rows.getString(4);
                    String device = rows.getString(5);
                    entries.add(new AuditEntry(Instant.ofEpochMilli(rows.getLong(1)),
                            AuditAction.valueOf(rows.getString(2).toUpperCase(Locale.ROOT)), rows.getString(3),
                            role == null ? null : role.toLowerCase(Locale.ROOT), device == null ? null : UUID.fromString(device),
                            rows.getString(6)));
                }
            }
        }
        return entries;
    }

    /** Sets how long entries are kept (the store refuses to delete a younger one); at least a year. */
    static void keepFor(Connection connection, int months) throws SQLException {
        if (months < 12) {
            throw new StoreException("The audit log is kept at least 12 months, not " + months, null);
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE audit_policy SET keep_days = ? WHERE id = 1")) {
            statement.setInt(1, keepDays(months));
            statement.executeUpdate();
        }
    }

    /** Removes the entries older than the kept period before {@code now}; returns how many. */
    static int expire(Connection connection, Instant now) throws SQLException {
        int days;
        try (PreparedStatement statement = connection.prepareStatement("SELECT keep_days FROM audit_policy WHERE id = 1");
             ResultSet row = statement.executeQuery()) {
            row.next();
            days = row.getInt(1);
        }
        // A day's margin: the store's trigger measures by its own clock, which may run a little behind the server's.
        Instant before = now.minus(Duration.ofDays(days + 1L));
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM audit_log WHERE at < ?")) {
            statement.setLong(1, before.toEpochMilli());
            return statement.executeUpdate();
        }
    }

    /** A month counted as 30.44 days, rounded up: never less than the months asked for. */
    static int keepDays(int months) {
        return (int) Math.ceil(months * 30.44);
    }

    private static void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value.toString());
        }
    }
}
