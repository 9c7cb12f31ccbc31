package nl.groningen.keukentafel.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Removes a resident the municipality erased from every table of the laptop that names them: the
 * resident, their records (drafts and conflicts among them), the changes still waiting for them,
 * the answered ones kept for a re-send, and the refusals. Nothing of theirs is pushed first: the
 * server has erased them and would drop it. The connection runs with {@code secure_delete} (see
 * {@link LocalDatabase#dataSource}), so the deleted rows are overwritten, not left in free pages.
 */
final class ErasedResidents {

    /** Every row that carries the resident's id, children before the resident they belong to. */
    private static final List<String> PURGE = List.of(
            "DELETE FROM outbox WHERE resident_id = ?",
            "DELETE FROM sent_change WHERE resident_id = ?",
            "DELETE FROM sync_refusal WHERE resident_id = ?",
            "DELETE FROM record WHERE resident_id = ?",
            "DELETE FROM resident WHERE id = ?");

    private final Connection connection;

    ErasedResidents(Connection connection) {
        this.connection = connection;
    }

    /**
     * Purges the resident, in the caller's transaction. True when the laptop had anything of them;
     * false for a resident it never had, or already purged (a replayed page): that is no error.
     */
    boolean purge(String residentId) throws SQLException {
        int removed = 0;
        for (String sql : PURGE) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, residentId);
                removed += statement.executeUpdate();
            }
        }
        return removed > 0;
    }

    /**
     * After the purges, in the same transaction: rebuilds the indexes of the tables that name
     * residents. Secure delete zeroes a deleted entry, but an index's inner pages may still hold a
     * copy of a deleted key (a resident's or a record's id) as a divider; a rebuilt index holds
     * only the keys still there, and its old pages are zeroed as they are freed.
     */
    void overwriteIndexes() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("resident", "record", "outbox", "sent_change", "sync_refusal")) {
                statement.execute("REINDEX " + table);
            }
        }
    }
}
