package nl.groningen.keukentafel.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.LocalStoreException;
import nl.groningen.keukentafel.app.domain.PulledChanges;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.RecordKind;

/**
 * Commits the pages of changes pulled from the server into the resident and record tables, each
 * page in one transaction with its cursor: a record with a change of its own still in the outbox
 * keeps the laptop's version, a resident moved to another coach leaves with all their records, and
 * an erased resident leaves at once with everything the laptop had for them (see
 * {@link ErasedResidents}).
 */
public final class PulledPages implements PulledChanges {

    /**
     * A pulled record, stored only when its resident is on this laptop. It never arrives without
     * its resident but in one case: a change this laptop sent again after a restore of the server,
     * for a resident who had moved away from this coach after the backup (a move the restore
     * undid, and this laptop had already let go of). The server has it; the laptop has no resident
     * to hang it on, and refusing the page would stop every later sync.
     */
    private static final String UPSERT_PULLED_RECORD = """
            INSERT INTO record (id, resident_id, kind, sealed) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM resident WHERE id = ?)
            ON CONFLICT (id) DO UPDATE SET resident_id = excluded.resident_id, kind = excluded.kind,
                sealed = excluded.sealed""";

    private final LocalDatabase database;
    private final Connection connection;
    private final SealedRecords records;
    private final OutboxTable outbox;
    private final SyncStateTable state;
    private final ErasedResidents erased;
    private final ObjectMapper json;

    PulledPages(LocalDatabase database, SealedRecords records, OutboxTable outbox, SyncStateTable state, ObjectMapper json) {
        this.database = database;
        this.connection = database.connection();
        this.records = records;
        this.outbox = outbox;
        this.state = state;
        this.erased = new ErasedResidents(connection);
        this.json = json;
    }

    @Override
    public long cursor() {
        synchronized (database) {
            return state.cursor();
        }
    }

    @Override
    public Set<UUID> applyPulled(List<PulledChange> changes, long nextCursor) {
        Set<UUID> touched = new LinkedHashSet<>();
        boolean[] purged = {false};
        synchronized (database) {
            database.inSyncTransaction(() -> {
                try (PulledPage page = new PulledPage()) {
                    for (PulledChange change : changes) {
                        purged[0] |= applyOne(change, page, touched);
                    }
                }
                if (purged[0]) {
                    erased.overwriteIndexes();
                }
                state.putCursor(nextCursor);
            });
            if (purged[0]) {
                database.truncateWal();
            }
        }
        return touched;
    }

    /** Applies one change; true when it purged an erased resident the laptop had. */
    private boolean applyOne(PulledChange change, PulledPage page, Set<UUID> touched) throws SQLException {
        String residentId = change.residentId().toString();
        if (RecordKind.RESIDENT_ERASED.is(change.kind())) {
            // Not pushed first, unlike a move: the server has erased them and drops what comes for them.
            if (erased.purge(residentId)) {
                touched.add(change.residentId());
                return true;
            }
            return false;
        }
        if (RecordKind.RESIDENT_MOVED.is(change.kind())) {
            if (outbox.hasWaitingFor(change.residentId())) {
                throw new LocalStoreException("Changes for a resident who moved are still waiting to be sent", null);
            }
            execute("DELETE FROM record WHERE resident_id = ?", residentId);
            execute("DELETE FROM resident WHERE id = ?", residentId);
            touched.add(change.residentId());
            return false;
        }
        if (page.waiting.contains(change.recordId().toString())) {
            return false; // the laptop's own change is on its way; the server merges it and sends the result back
        }
        touched.add(change.residentId());
        if (RecordKind.RESIDENT.is(change.kind())) {
            readable(change, Resident.class);
            page.putResident(residentId, change.body());
        } else if (change.deleted()) {
            page.delete(change.recordId().toString());
        } else {
            StoredKind kind = StoredKind.of(change.kind());
            if (!kind.synced()) {
                throw new LocalStoreException("The server sent a kind of record the laptop keeps to itself", null);
            }
            readable(change, kind.type());
            page.putRecord(kind, change.recordId().toString(), residentId, change.body());
        }
        return false;
    }

    /**
     * Applying one pulled page: the records whose own changes still wait in the outbox (read once;
     * nothing is queued while a page is applied) and the statements every change of the page uses,
     * prepared once per page instead of once per change.
     */
    private final class PulledPage implements AutoCloseable {
        final Set<String> waiting;
        private PreparedStatement record;
        private PreparedStatement resident;
        private PreparedStatement delete;

        PulledPage() throws SQLException {
            waiting = outbox.waitingRecordIds();
        }

        void putRecord(StoredKind kind, String id, String residentId, JsonNode body) throws SQLException {
            if (record == null) {
                record = connection.prepareStatement(UPSERT_PULLED_RECORD);
            }
            records.bindRecord(record, kind, id, residentId, body);
            record.setString(5, residentId);
            record.executeUpdate();
        }

        void putResident(String id, JsonNode body) throws SQLException {
            if (resident == null) {
                resident = connection.prepareStatement(SealedRecords.UPSERT_RESIDENT);
            }
            records.bindResident(resident, id, body);
            resident.executeUpdate();
        }

        void delete(String id) throws SQLException {
            if (delete == null) {
                delete = connection.prepareStatement(SealedRecords.DELETE_RECORD);
            }
            delete.setString(1, id);
            delete.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : new PreparedStatement[] {record, resident, delete}) {
                if (statement != null) {
                    statement.close();
                }
            }
        }
    }

    /** Refuses (and so rolls back the page) a body this version of the app cannot read. */
    private void readable(PulledChange change, Class<?> type) {
        try {
            json.treeToValue(change.body(), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new LocalStoreException("The server sent a " + change.kind() + " this version of the app cannot read", e);
        }
    }

    private void execute(String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }
}
