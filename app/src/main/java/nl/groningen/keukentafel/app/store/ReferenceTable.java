package nl.groningen.keukentafel.app.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import nl.groningen.keukentafel.app.domain.LocalStoreException;
import nl.groningen.keukentafel.app.domain.ReferenceUpdates;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.SocialMapEntry;
import nl.groningen.keukentafel.contract.sync.ReferenceBundle;

/**
 * The {@code reference} table, plain JSON (nothing in it is about a resident): the coach this file
 * belongs to, the reference data and the sociale kaart, with the version the server gave them.
 */
public final class ReferenceTable implements ReferenceUpdates {

    private final LocalDatabase database;
    private final Connection connection;
    private final SyncStateTable state;
    private final ObjectMapper json;

    ReferenceTable(LocalDatabase database, SyncStateTable state, ObjectMapper json) {
        this.database = database;
        this.connection = database.connection();
        this.state = state;
        this.json = json;
    }

    /** The coach this database belongs to, as enrolled. */
    public Coach coach() {
        synchronized (database) {
            return referenceBodies("profile").stream().findFirst().map(b -> read(b, Coach.class))
                    .orElseThrow(() -> new LocalStoreException("The local database names no coach", null));
        }
    }

    public void saveCoach(Coach coach) {
        database.inTransaction(() -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO reference (kind, id, body) VALUES ('profile', 'coach', ?)
                    ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body""")) {
                statement.setString(1, write(coach));
                statement.executeUpdate();
            }
        });
    }

    public ReferenceData referenceData() {
        synchronized (database) {
            String body = referenceBodies("reference_data").stream().findFirst().orElse(null);
            return body == null ? ReferenceData.standard() : read(body, ReferenceData.class);
        }
    }

    public List<SocialMapEntry> socialMap() {
        synchronized (database) {
            return referenceBodies("social_map").stream().map(b -> read(b, SocialMapEntry.class)).toList();
        }
    }

    /** Replaces the reference data and the sociale kaart. */
    public void saveReference(ReferenceData referenceData, List<SocialMapEntry> socialMap) {
        database.inTransaction(() -> putReference(referenceData, socialMap));
    }

    @Override
    public String referenceVersion() {
        synchronized (database) {
            return state.referenceVersion();
        }
    }

    @Override
    public void saveReference(ReferenceBundle bundle) {
        database.inTransaction(() -> {
            putReference(bundle.referenceData(), bundle.socialMap());
            state.putReferenceVersion(bundle.version());
        });
    }

    private void putReference(ReferenceData referenceData, List<SocialMapEntry> socialMap) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM reference WHERE kind IN ('reference_data', 'social_map')");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reference (kind, id, body) VALUES (?, ?, ?)")) {
            insert.setString(1, "reference_data");
            insert.setString(2, "standard");
            insert.setString(3, write(referenceData));
            insert.addBatch();
            for (SocialMapEntry entry : socialMap) {
                insert.setString(1, "social_map");
                insert.setString(2, entry.id().toString());
                insert.setString(3, write(entry));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private List<String> referenceBodies(String kind) {
        List<String> bodies = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT body FROM reference WHERE kind = ? ORDER BY id")) {
            statement.setString(1, kind);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new LocalStoreException("The reference data cannot be read", e);
        }
        return bodies;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new LocalStoreException("The reference data cannot be read", e);
        }
    }
}
