package nl.groningen.keukentafel.server.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;

/**
 * The change log laptops pull from ({@code change_log}) and the one counter that numbers it
 * ({@code sync_counter}). Every entry goes in through {@link #append}: pushes, moves, imports.
 *
 * <p>Numbers are taken with {@code UPDATE … RETURNING} on the counter's one row, which locks the row
 * until the transaction ends; so numbers commit in order, and a laptop that pulled "after N" never
 * finds a change below N appear later. Take them last, right before the commit, so the lock is held
 * only for the final inserts and the commit.
 */
public final class ChangeLog {

    /**
     * How far the sequence jumps after a restore. Laptops may hold cursors up to the last number the
     * lost database handed out, which the restored one never saw; new changes must get numbers above
     * all of those, or a laptop would skip them. A billion is more changes than the server takes in
     * decades, so it is past anything handed out between the backup and the restore.
     */
    public static final long RESTORE_SEQUENCE_MARGIN = 1_000_000_000L;

    private ChangeLog() {
    }

    /**
     * One entry of the log: a record written (with its body) or deleted, of a resident, for the
     * laptops of one coach to pull ({@code audience}: the resident's coach when it was logged;
     * null: nobody's until the resident is assigned).
     */
    record Entry(UUID changeId, String kind, String recordId, String residentId, boolean deleted, String body,
                 String audience) {
    }

    /**
     * Appends the entries under consecutive numbers, taken now; returns the first number (0 when
     * there are no entries: then no number is taken and the counter is not locked).
     */
    static long append(Connection connection, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return 0;
        }
        long first = takeNumbers(connection, entries.size());
        List<Integer> places = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            places.add(i);
        }
        Batch.run(connection, """
                INSERT INTO change_log (seq, change_id, kind, record_id, resident_id, deleted, body, coach_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", places, (statement, i) -> {
            Entry entry = entries.get(i);
            statement.setLong(1, first + i);
            statement.setString(2, entry.changeId().toString());
            statement.setString(3, entry.kind());
            statement.setString(4, entry.recordId());
            statement.setString(5, entry.residentId());
            statement.setBoolean(6, entry.deleted());
            statement.setString(7, entry.body());
            statement.setString(8, entry.audience());
        });
        return first;
    }

    /**
     * Reads records to log again as written (not deleted): {@code sql} selects kind, record id,
     * resident id, body and audience, with {@code parameters} bound in order. Each entry's change id
     * is made from its record id by {@code changeIdOf}.
     */
    static List<Entry> recordsToLog(Connection connection, String sql, Function<String, UUID> changeIdOf, String... parameters)
            throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String recordId = rows.getString(2);
                    entries.add(new Entry(changeIdOf.apply(recordId), rows.getString(1), recordId, rows.getString(3), false,
                            rows.getString(4), rows.getString(5)));
                }
            }
        }
        return entries;
    }

    /**
     * Takes a block of {@code count} numbers; returns the first. Locks the counter until the
     * transaction ends. For a number that is not an entry's (a move's without a marker); entries take
     * theirs through {@link #append}.
     */
    static long takeNumbers(Connection connection, int count) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE sync_counter SET value = value + ? WHERE id = 1 RETURNING value")) {
            statement.setInt(1, count);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1) - count + 1;
            }
        }
    }

    /** The last number handed out: every change a laptop can have pulled is at or below it. */
    static long lastSequence(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT value FROM sync_counter WHERE id = 1")) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Moves the counter past anything a laptop can have seen of a restored database ({@code atLeast},
     * if known, plus {@link #RESTORE_SEQUENCE_MARGIN}); returns the new last number.
     */
    static long continueAfterRestore(Connection connection, long atLeast) throws SQLException {
        long next = Math.max(lastSequence(connection), atLeast) + RESTORE_SEQUENCE_MARGIN;
        try (PreparedStatement statement = connection.prepareStatement("UPDATE sync_counter SET value = ? WHERE id = 1")) {
            statement.setLong(1, next);
            statement.executeUpdate();
        }
        return next;
    }

    /**
     * The entries for a coach's laptops after a number, in order, at most {@code limit}; a null coach
     * (the office) gets every entry. Each body is made into JSON by {@code bodies}.
     */
    static PullPage page(Connection connection, UUID coachId, long after, int limit, Function<String, JsonNode> bodies,
                         String epoch) throws SQLException {
        List<PulledChange> changes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(coachId == null ? """
                SELECT seq, kind, record_id, resident_id, deleted, body FROM change_log
                WHERE seq > ? ORDER BY seq LIMIT ?""" : """
                SELECT seq, kind, record_id, resident_id, deleted, body FROM change_log
                WHERE coach_id = ? AND seq > ? ORDER BY coach_id, seq LIMIT ?""")) {
            int i = 1;
            if (coachId != null) {
                statement.setString(i++, coachId.toString());
            }
            statement.setLong(i++, after);
            statement.setInt(i, limit + 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String body = rows.getString(6);
                    changes.add(new PulledChange(rows.getLong(1), rows.getString(2), UUID.fromString(rows.getString(3)),
                            UUID.fromString(rows.getString(4)), rows.getBoolean(5), body == null ? null : bodies.apply(body)));
                }
            }
        }
        boolean more = changes.size() > limit;
        List<PulledChange> page = more ? changes.subList(0, limit) : changes;
        long next = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        return new PullPage(page, next, more, more ? remainingAfter(connection, coachId, next) : 0, epoch);
    }

    private static long remainingAfter(Connection connection, UUID coachId, long after) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(coachId == null
                ? "SELECT COUNT(*) FROM change_log WHERE seq > ?"
                : "SELECT COUNT(*) FROM change_log WHERE coach_id = ? AND seq > ?")) {
            int i = 1;
            if (coachId != null) {
                statement.setString(i++, coachId.toString());
            }
            statement.setLong(i, after);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
