package nl.groningen.keukentafel.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/** Runs one statement for many rows as JDBC batches: the way every bulk write of the store goes. */
final class Batch {

    /** Rows per batch sent: enough to save the round trips, small enough for an import of a whole city. */
    private static final int SIZE = 500;

    private Batch() {
    }

    /** Binds and runs {@code sql} once per item, in order; no items, no statement. */
    static <T> void run(Connection connection, String sql, Collection<T> items, Binder<T> binder) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
                if (++pending == SIZE) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    /** Sets one item's values on the statement. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }
}
