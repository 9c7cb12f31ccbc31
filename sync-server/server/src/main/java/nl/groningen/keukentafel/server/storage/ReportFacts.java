package nl.groningen.keukentafel.server.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.domain.StoredRecord;

/**
 * The report's projection: the few fields of residents and records that the council's figures
 * count ({@link Reports}), in the plain columns of {@code resident_fact} and the {@code *_fact}
 * table of each counted kind (migration V8), so a report never parses a body. Every write of a
 * body calls this inside its own transaction (push, dataset import, caseload import, moves), so
 * the facts are of the same moment as the bodies; a store that had records before V8 is filled
 * from its bodies when it opens ({@link #fillIfNew}). Codes, dates, numbers and flags only: no
 * names, no free text (own goals become 1 or 0).
 */
final class ReportFacts {

    /** An absent number: bound as an integer NULL (PostgreSQL refuses a text NULL for an integer column). */
    private static final Object NO_NUMBER = new Object();

    /** Rows read per round when filling from the bodies: enough for few round trips, bounded memory. */
    private static final int FILL_CHUNK = 2000;

    /** A counted kind's fact table: its columns after {@code id, resident_id}, and how a body gives their values. */
    private record Table(RecordKind kind, String name, List<String> columns, Function<JsonNode, List<Object>> values) {

        String insert() {
            return "INSERT INTO " + name + " (id, resident_id, " + String.join(", ", columns) + ") VALUES (?, ?"
                    + ", ?".repeat(columns.size()) + ")";
        }
    }

    private static final List<Table> TABLES = List.of(
            new Table(RecordKind.CONVERSATION, "conversation_fact", List.of("status", "corrects", "held_on", "follow_up", "outcome",
                    "place", "duration_minutes", "conversation_rating", "contact_value_rating", "has_own_goals", "benefit_review",
                    "fraud_signal", "care_signal"),
                    b -> values(text(b, "status"), text(b, "corrects"), text(b, "date"), flag(b, "follow_up"), text(b, "outcome"),
                            text(b, "place"), number(b, "duration_minutes"), number(b, "conversation_rating"),
                            number(b, "contact_value_rating"), hasText(b, "own_goals"), holds(b, "signals", "benefit_review"),
                            holds(b, "signals", "fraud_signal"), holds(b, "signals", "care_signal"))),
            new Table(RecordKind.CONTACT_ATTEMPT, "contact_attempt_fact", List.of("channel", "attempted_on"),
                    b -> values(text(b, "channel"), text(b, "date"))),
            new Table(RecordKind.REFERRAL, "referral_fact", List.of("partner", "status", "referred_on", "check_on"),
                    b -> values(text(b, "partner"), text(b, "status"), text(b, "referred_on"), text(b, "check_on"))),
            new Table(RecordKind.AGREEMENT, "agreement_fact", List.of("owner", "status", "due_date"),
                    b -> values(text(b, "owner"), text(b, "status"), text(b, "due_date"))),
            new Table(RecordKind.DEVELOPMENT_PLAN, "development_plan_fact", List.of("goal_count"),
                    b -> values(length(b, "goals"))));

    private final Connection connection;
    private final ObjectMapper json;

    ReportFacts(Connection connection, ObjectMapper json) {
        this.connection = connection;
        this.json = json;
    }

    /** Residents written (new or changed), as their JSON bodies. */
    void residents(Collection<String> bodies) throws SQLException {
        Batch.run(connection, """
                INSERT INTO resident_fact (resident_id, wijk, outreach_status, specialist_team, next_contact_due) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (resident_id) DO UPDATE SET wijk = excluded.wijk, outreach_status = excluded.outreach_status,
                    specialist_team = excluded.specialist_team, next_contact_due = excluded.next_contact_due""",
                bodies, (statement, body) -> {
                    JsonNode b = parse(body);
                    bind(statement, 1, values(text(b, "id"), text(b, "wijk"), text(b, "outreach_status"), flag(b, "specialist_team"),
                            text(b, "next_contact_due")));
                });
    }

    /**
     * Records written by a push: each record's new state by id, null for deleted. A record's old
     * facts go (a pushed id may even change kind), and the new state's facts come in.
     */
    void written(Map<String, StoredRecord> records) throws SQLException {
        for (Table table : TABLES) {
            Batch.run(connection, "DELETE FROM " + table.name() + " WHERE id = ?", records.keySet(),
                    (statement, id) -> statement.setString(1, id));
        }
        added(records);
    }

    /** Records new to the store (an import), by id; null values are skipped. */
    void added(Map<String, StoredRecord> records) throws SQLException {
        for (Table table : TABLES) {
            List<Map.Entry<String, StoredRecord>> ofKind = records.entrySet().stream()
                    .filter(r -> r.getValue() != null && table.kind().is(r.getValue().kind())).toList();
            Batch.run(connection, table.insert(), ofKind, (statement, record) -> {
                statement.setString(1, record.getKey());
                statement.setString(2, record.getValue().residentId());
                bind(statement, 3, table.values().apply(parse(record.getValue().body())));
            });
        }
    }

    /**
     * Fills the facts from the bodies when the store has residents but no facts: it was written by
     * a server from before the projection (every write since writes a resident's facts). On
     * PostgreSQL the table is locked first, so a second server opening at the same time waits and
     * then finds it filled.
     */
    void fillIfNew(StoreKind kind) throws SQLException {
        if (kind == StoreKind.POSTGRESQL) {
            execute("LOCK TABLE resident_fact IN SHARE ROW EXCLUSIVE MODE");
        }
        if (exists("SELECT 1 FROM resident_fact") || !exists("SELECT 1 FROM resident")) {
            return;
        }
        List<String> bodies = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FILL_CHUNK);
            try (ResultSet rows = statement.executeQuery("SELECT body FROM resident")) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
        }
        residents(bodies);
        String kinds = TABLES.stream().map(t -> "'" + t.kind().wireName() + "'").collect(Collectors.joining(", "));
        Map<String, StoredRecord> chunk = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FILL_CHUNK);
            try (ResultSet rows = statement.executeQuery(
                    "SELECT id, kind, resident_id, body FROM resident_record WHERE kind IN (" + kinds + ")")) {
                while (rows.next()) {
                    chunk.put(rows.getString(1), new StoredRecord(rows.getString(2), rows.getString(3), rows.getString(4)));
                    if (chunk.size() == FILL_CHUNK) {
                        added(chunk);
                        chunk.clear();
                    }
                }
            }
        }
        added(chunk);
    }

    // ---- reading a body: the same values the JSON functions of both databases gave ------------------

    private static List<Object> values(Object... values) {
        return java.util.Arrays.asList(values);
    }

    /** A field as text (null when absent or null). */
    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** A whole-number field, or {@link #NO_NUMBER}. */
    private static Object number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? NO_NUMBER : value.asInt();
    }

    /** A boolean field as 1 or 0. */
    private static int flag(JsonNode body, String field) {
        return body.path(field).asBoolean(false) ? 1 : 0;
    }

    /** 1 when the text field has more than spaces (as SQL's TRIM sees it), else 0. */
    private static int hasText(JsonNode body, String field) {
        String text = text(body, field);
        return text != null && !text.replace(" ", "").isEmpty() ? 1 : 0;
    }

    /** 1 when the array field of codes holds the code, else 0. */
    private static int holds(JsonNode body, String field, String code) {
        for (JsonNode element : body.path(field)) {
            if (element.isTextual() && element.textValue().equals(code)) {
                return 1;
            }
        }
        return 0;
    }

    /** The length of an array field, 0 when absent. */
    private static int length(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isArray() ? value.size() : 0;
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void bind(PreparedStatement statement, int first, List<Object> values) throws SQLException {
        int i = first;
        for (Object value : values) {
            if (value == null) {
                statement.setNull(i++, Types.VARCHAR);
            } else if (value == NO_NUMBER) {
                statement.setNull(i++, Types.INTEGER);
            } else if (value instanceof Integer n) {
                statement.setInt(i++, n);
            } else {
                statement.setString(i++, (String) value);
            }
        }
    }

    private boolean exists(String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query + " LIMIT 1")) {
            return rows.next();
        }
    }

    private void execute(String statement) throws SQLException {
        try (Statement plain = connection.createStatement()) {
            plain.execute(statement);
        }
    }
}
