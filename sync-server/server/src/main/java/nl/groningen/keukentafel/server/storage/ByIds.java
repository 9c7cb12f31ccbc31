package nl.groningen.keukentafel.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import nl.groningen.keukentafel.server.domain.StoreKind;

/**
 * Reads rows by a list of ids in few queries: how a push reads everything its changes touch at once.
 * The ids go in as a {@code VALUES} list, not as {@code IN (?, ?, ...)}: once PostgreSQL plans such
 * a statement generically, a plain list of parameters is compared one by one against every row of a
 * table it chose to scan (and with fresh tables, not yet analysed, it does scan), which made each
 * push slower as the tables grew; a {@code VALUES} list is joined, by index or by hash. SQLite runs
 * both forms the same way, by index.
 */
final class ByIds {

    /** Ids per {@code IN (...)} list: more than a laptop sends in one push, well under both databases' limits. */
    private static final int IN_LIST = 1_000;

    private ByIds() {
    }

    /**
     * Runs a query with {@code IN (%s)} over the ids, in lists. With {@code lock}, on PostgreSQL, the
     * rows read stay locked until the transaction ends (taken in id order, so two pushes cannot
     * deadlock); on SQLite every write transaction runs alone, so there is nothing to lock.
     */
    static void select(Connection connection, StoreKind kind, String sql, Collection<String> ids, boolean lock, RowReader reader)
            throws SQLException {
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

    /** Takes one row of the result. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }
}
