package nl.groningen.keukentafel.server.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.server.domain.StoredRecord;

/**
 * Stores a whole dataset (coaches, their caseloads with every record, the sociale kaart) inside the
 * caller's transaction, and logs what it stored in the {@link ChangeLog} like pushed changes, so
 * laptops pull it the same way; with the {@link ReportFacts} of everything stored.
 */
final class DatasetImport {

    private final Connection connection;
    private final ObjectMapper json;
    private final ReportFacts facts;

    DatasetImport(Connection connection, ObjectMapper json) {
        this.connection = connection;
        this.json = json;
        this.facts = new ReportFacts(connection, json);
    }

    void store(Dataset dataset) throws SQLException {
        Batch.run(connection, "INSERT INTO coach (id, name, area) VALUES (?, ?, ?)", dataset.coaches(), (statement, coach) -> {
            statement.setString(1, coach.id().toString());
            statement.setString(2, coach.name());
            statement.setString(3, coach.area());
        });
        List<Map.Entry<Resident, String>> residents = dataset.residents().stream().map(r -> Map.entry(r, toJson(r))).toList();
        Batch.run(connection, "INSERT INTO resident (id, coach_id, client_number, body) VALUES (?, ?, ?, ?)",
                residents, (statement, resident) -> {
                    statement.setString(1, resident.getKey().id().toString());
                    statement.setString(2, resident.getKey().coachId() == null ? null : resident.getKey().coachId().toString());
                    statement.setString(3, resident.getKey().clientNumber());
                    statement.setString(4, resident.getValue());
                });
        facts.residents(residents.stream().map(Map.Entry::getValue).toList());
        records(RecordKind.CONTACT_ATTEMPT, dataset.contactAttempts(), a -> a.id(), a -> a.residentId());
        records(RecordKind.APPOINTMENT, dataset.appointments(), a -> a.id(), a -> a.residentId());
        records(RecordKind.CONVERSATION, dataset.conversations(), c -> c.id(), c -> c.residentId());
        records(RecordKind.AGREEMENT, dataset.agreements(), a -> a.id(), a -> a.residentId());
        records(RecordKind.REFERRAL, dataset.referrals(), r -> r.id(), r -> r.residentId());
        records(RecordKind.DEVELOPMENT_PLAN, dataset.developmentPlans(), p -> p.id(), p -> p.residentId());
        Batch.run(connection, "INSERT INTO social_map_entry (id, body) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                dataset.socialMap(), (statement, entry) -> {
                    statement.setString(1, entry.id().toString());
                    statement.setString(2, toJson(entry));
                });
        logImported();
    }

    private <T> void records(RecordKind kind, List<T> records, Function<T, UUID> id, Function<T, UUID> residentId)
            throws SQLException {
        Map<String, StoredRecord> stored = new LinkedHashMap<>();
        for (T record : records) {
            stored.put(id.apply(record).toString(), new StoredRecord(kind.wireName(), residentId.apply(record).toString(), toJson(record)));
        }
        Batch.run(connection, "INSERT INTO resident_record (id, kind, resident_id, body) VALUES (?, ?, ?, ?)", stored.entrySet(),
                (statement, record) -> {
                    statement.setString(1, record.getKey());
                    statement.setString(2, record.getValue().kind());
                    statement.setString(3, record.getValue().residentId());
                    statement.setString(4, record.getValue().body());
                });
        facts.added(stored);
    }

    /**
     * Logs every resident and record not logged yet, each for its resident's coach, under a change
     * id made from the record's id (an import logs a record once).
     */
    private void logImported() throws SQLException {
        ChangeLog.append(connection, ChangeLog.recordsToLog(connection, """
                SELECT 'resident', id, id, body, coach_id FROM resident WHERE id NOT IN (SELECT record_id FROM change_log)
                UNION ALL
                SELECT rr.kind, rr.id, rr.resident_id, rr.body, r.coach_id FROM resident_record rr
                JOIN resident r ON r.id = rr.resident_id
                WHERE rr.id NOT IN (SELECT record_id FROM change_log)""",
                recordId -> UUID.nameUUIDFromBytes(("import/" + recordId).getBytes(StandardCharsets.UTF_8))));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
