package nl.groningen.keukentafel.app.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.LocalStoreException;
import nl.groningen.keukentafel.app.domain.SyncState;
import nl.groningen.keukentafel.app.store.crypto.Sealer;

/**
 * The {@code sync_state} table, one value per key: the enrolment (the device token sealed), the
 * last sync, the server's epoch, the pull cursor and the reference data's version.
 */
public final class SyncStateTable implements SyncState {

    private static final String CURSOR = "cursor";
    private static final String REFERENCE_VERSION = "reference_version";

    private final LocalDatabase database;
    private final Connection connection;
    private final Sealer sealer;

    SyncStateTable(LocalDatabase database, Sealer sealer) {
        this.database = database;
        this.connection = database.connection();
        this.sealer = sealer;
    }

    @Override
    public Optional<Enrolled> enrolment() {
        synchronized (database) {
            String url = state("server_url");
            String device = state("device_id");
            byte[] token = sealedState("device_token");
            if (url == null || device == null || token == null) {
                return Optional.empty();
            }
            return Optional.of(new Enrolled(url, UUID.fromString(device),
                    new String(sealer.open("sync_state", "device_token", token), StandardCharsets.UTF_8)));
        }
    }

    @Override
    public void saveEnrolment(Enrolled enrolled) {
        database.inTransaction(() -> {
            putState("server_url", enrolled.serverUrl(), null);
            putState("device_id", enrolled.deviceId().toString(), null);
            putState("device_token", null, sealer.seal("sync_state", "device_token", enrolled.token().getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Override
    public Optional<Instant> lastSync() {
        synchronized (database) {
            return Optional.ofNullable(state("last_sync")).map(Instant::parse);
        }
    }

    @Override
    public void saveLastSync(Instant at) {
        database.inSyncTransaction(() -> putState("last_sync", at.toString(), null));
    }

    @Override
    public String serverEpoch() {
        synchronized (database) {
            return state("server_epoch");
        }
    }

    @Override
    public void saveServerEpoch(String epoch) {
        database.inSyncTransaction(() -> putState("server_epoch", epoch, null));
    }

    /** The sequence number of the last pulled change committed here; under the caller's lock. */
    long cursor() {
        String value = state(CURSOR);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** In the caller's transaction, with the page pulled up to it. */
    void putCursor(long cursor) throws SQLException {
        putState(CURSOR, Long.toString(cursor), null);
    }

    /** The version of the reference data held here, or null; under the caller's lock. */
    String referenceVersion() {
        return state(REFERENCE_VERSION);
    }

    /** In the caller's transaction, with the reference data of that version. */
    void putReferenceVersion(String version) throws SQLException {
        putState(REFERENCE_VERSION, version, null);
    }

    private String state(String key) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT value FROM sync_state WHERE key = ?")) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new LocalStoreException("The local database cannot be read", e);
        }
    }

    private byte[] sealedState(String key) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT sealed FROM sync_state WHERE key = ?")) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new LocalStoreException("The local database cannot be read", e);
        }
    }

    private void putState(String key, String value, byte[] sealed) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO sync_state (key, value, sealed) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, sealed = excluded.sealed""")) {
            statement.setString(1, key);
            statement.setString(2, value);
            statement.setBytes(3, sealed);
            statement.executeUpdate();
        }
    }
}
