package nl.groningen.keukentafel.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The epoch of a server database ({@code server_epoch}): made at its first start, new after every
 * restore from a backup. Push and pull answers carry it, so a laptop learns that the server forgot
 * what it answered after the backup, and sends that again.
 */
final class ServerEpoch {

    private ServerEpoch() {
    }

    /** The epoch stored, made now if there is none (a new or just-migrated database). Two servers starting at once agree. */
    static String ensure(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO server_epoch (id, epoch) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.executeUpdate();
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT epoch FROM server_epoch WHERE id = 1")) {
            row.next();
            return row.getString(1);
        }
    }

    /**
     * A new epoch for a restored database. A backup from before the epoch existed has no table for
     * it yet; the migration at the next start makes one, and a new epoch with it.
     */
    static void renew(Connection connection) throws SQLException {
        boolean hasTable;
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "server_epoch", null)) {
            hasTable = tables.next();
        }
        if (!hasTable) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO server_epoch (id, epoch) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET epoch = excluded.epoch""")) {
            statement.setString(1, UUID.randomUUID().toString());
            statement.executeUpdate();
        }
    }
}
