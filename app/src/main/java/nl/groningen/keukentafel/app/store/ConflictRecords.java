package nl.groningen.keukentafel.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.groningen.keukentafel.app.domain.Conflicts;
import nl.groningen.keukentafel.app.domain.LocalStoreException;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.sync.FieldMerge;
import nl.groningen.keukentafel.contract.sync.RecordKind;

/**
 * The conflicts the server sent, kept as sealed rows of the record table (kind {@code conflict})
 * until the coach resolves them; a resolution is a change of its own, queued like any other.
 */
public final class ConflictRecords implements Conflicts {

    private final LocalDatabase database;
    private final Connection connection;
    private final SealedRecords records;
    private final RecordWriter writer;
    private final OutboxTable outbox;

    ConflictRecords(LocalDatabase database, SealedRecords records, RecordWriter writer, OutboxTable outbox) {
        this.database = database;
        this.connection = database.connection();
        this.records = records;
        this.writer = writer;
        this.outbox = outbox;
    }

    @Override
    public List<Conflict> conflicts() {
        synchronized (database) {
            List<Conflict> conflicts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, sealed FROM record WHERE kind = 'conflict'");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    conflicts.add(records.open(RecordKind.CONFLICT.wireName(), rows.getString(1), rows.getBytes(2), Conflict.class));
                }
            } catch (SQLException e) {
                throw new LocalStoreException("The local database cannot be read", e);
            }
            conflicts.sort(Comparator.comparing(Conflict::detectedAt));
            return conflicts;
        }
    }

    /**
     * The coach's choice for a conflict: the record takes the chosen value (a change of its own,
     * queued like any other) and the conflict is deleted here and on the server, in one transaction.
     */
    @Override
    public void resolve(Conflict conflict, JsonNode chosen) {
        database.inTransaction(() -> {
            String recordId = conflict.recordId().toString();
            if (RecordKind.RESIDENT.is(conflict.recordKind())) {
                JsonNode current = records.residentBody(recordId);
                if (current instanceof ObjectNode object) {
                    writer.putResidentBody(conflict.recordId(), FieldMerge.set(object, conflict.field(), chosen), true);
                }
            } else {
                StoredKind kind = StoredKind.of(conflict.recordKind());
                JsonNode current = records.recordBody(kind.code(), recordId);
                if (current instanceof ObjectNode object) {
                    writer.putRecordBody(kind, conflict.recordId(), conflict.residentId(), FieldMerge.set(object, conflict.field(), chosen), true);
                }
            }
            records.delete(conflict.id());
            outbox.queue(RecordKind.CONFLICT.wireName(), conflict.id(), conflict.residentId(), null, null);
        });
    }
}
