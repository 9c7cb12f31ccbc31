package nl.groningen.keukentafel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.office.AuditEntry;
import nl.groningen.keukentafel.contract.office.AuditTrail;
import nl.groningen.keukentafel.contract.office.ErasureResult;
import nl.groningen.keukentafel.contract.office.ErasureSummary;
import nl.groningen.keukentafel.contract.office.OfficeApi;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.Protocol;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An admin erases a resident over HTTP: the summary first, a reason required, then nothing of the
 * resident on the server but the tombstone, the audit entries and the markers; the laptops that held
 * the resident are told at their next pull, and what they still push for them is answered erased.
 */
@ExtendWith(TestStores.class)
public class ErasureTest {

    private static final Dataset AREA = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, LocalDate.of(2026, 11, 22))
            .generate(DatasetSize.AREA);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-08T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void anErasedResidentLeavesOnlyTheTombstoneAndTheAuditEntriesAndEveryLaptopThatHadThemIsTold(StoreKind kind, TestStores stores)
            throws Exception {
        StoreSettings settings = stores.fresh(kind);
        try (ServerStore store = ServerStore.open(settings);
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(AREA);
            Resident resident = residentWithMostRecords();
            UUID firstCoach = resident.coachId();
            Coach secondCoach = AREA.coaches().stream().filter(c -> !c.id().equals(firstCoach)).findFirst().orElseThrow();
            TestClient client = new TestClient(server);
            String firstLaptop = client.enrol(store, CLOCK, "sanne", firstCoach);
            String secondLaptop = client.enrol(store, CLOCK, "piet", secondCoach.id());
            // The first coach's laptop pulls the resident, then the office moves them to the second coach.
            assertThat(pull(client, firstLaptop, 0, null).changes()).anyMatch(c -> c.residentId().equals(resident.id()));
            store.officeResidents().assign(List.of(resident.id()), secondCoach.id(), CLOCK.instant());
            long firstCursor = pull(client, firstLaptop, 0, null).nextCursor();
            TestClient.OfficeLogin admin = client.enrolOffice(store, CLOCK, "beheer", Role.ADMIN);
            TestClient.OfficeLogin office = client.enrolOffice(store, CLOCK, "kantoor", Role.OFFICE);
            String erasure = OfficeApi.RESIDENT_ERASURE.replace("{id}", resident.id().toString());

            HttpResponse<String> summaryAnswer = client.send("GET", erasure, null, null, admin.token(), admin.session());
            assertThat(summaryAnswer.statusCode()).as(summaryAnswer.body()).isEqualTo(200);
            ErasureSummary summary = Json.mapper().readValue(summaryAnswer.body(), ErasureSummary.class);
            assertThat(summary.resident().clientNumber()).isEqualTo(resident.clientNumber());
            assertThat(summary.records()).isEqualTo(recordsByKind(settings, resident.id()));
            assertThat(summary.laptops()).as("the laptops of both coaches who had the resident").hasSize(2);
            assertThat(leftovers(settings, resident)).as("reading the summary erases nothing").isNotEmpty();

            assertThat(client.send("POST", erasure, null, "{\"reason\": \"request\"}", office.token(), office.session()).statusCode())
                    .as("an office user who is no admin").isEqualTo(403);
            assertThat(client.send("POST", erasure, null, "{}", admin.token(), admin.session()).statusCode())
                    .as("no reason").isEqualTo(400);
            assertThat(client.send("POST", erasure, null, "{\"reason\": \"retention\"}", admin.token(), admin.session()).statusCode())
                    .as("retention is the server's own job").isEqualTo(400);
            assertThat(client.send("POST", erasure, null, "{\"reason\": \"request\", \"reference\": \"" + "x".repeat(65) + "\"}",
                    admin.token(), admin.session()).statusCode()).as("a reference longer than 64 characters").isEqualTo(400);
            assertThat(leftovers(settings, resident)).as("a refused erasure erases nothing").isNotEmpty();

            HttpResponse<String> erased = client.send("POST", erasure, null, "{\"reason\": \"request\", \"reference\": \"AVG-2026-0142\"}",
                    admin.token(), admin.session());
            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
            ErasureResult result = Json.mapper().readValue(erased.body(), ErasureResult.class);
            assertThat(result.records()).isEqualTo(summary.records().values().stream().mapToInt(Integer::intValue).sum())
                    .isGreaterThan(5);

            assertThat(leftovers(settings, resident)).as("nothing of the resident but tombstone, audit and markers").isEmpty();
            assertThat(tombstone(settings, resident.id())).isEqualTo("request AVG-2026-0142");
            AuditTrail trail = store.auditTrail(resident.id());
            assertThat(trail.erased()).isTrue();
            assertThat(trail.entries()).extracting(AuditEntry::action).contains(AuditAction.PULLED, AuditAction.MOVED, AuditAction.ERASED);
            assertThat(trail.entries()).filteredOn(e -> e.action() == AuditAction.ERASED).extracting(AuditEntry::userName)
                    .containsExactly("beheer");

            // Both coaches' laptops are told; an app before erasure hears "moved" instead.
            assertThat(pull(client, firstLaptop, firstCursor, null).changes()).extracting(PulledChange::kind)
                    .containsExactly(RecordKind.RESIDENT_ERASED.wireName());
            List<PulledChange> second = pull(client, secondLaptop, 0, null).changes().stream()
                    .filter(c -> c.residentId().equals(resident.id())).toList();
            assertThat(second).extracting(PulledChange::kind).containsExactly(RecordKind.RESIDENT_ERASED.wireName());
            assertThat(pull(client, firstLaptop, firstCursor, "2").changes()).extracting(PulledChange::kind)
                    .containsExactly(RecordKind.RESIDENT_MOVED.wireName());

            // A laptop offline at the erasure pushes a change for the resident among others: that one is answered erased.
            Agreement theirs = AREA.agreements().stream().filter(a -> a.residentId().equals(resident.id())).findFirst().orElseThrow();
            Agreement other = AREA.agreements().stream().filter(a -> residentOf(a).coachId().equals(secondCoach.id()))
                    .findFirst().orElseThrow();
            List<ChangeResult> answers = push(client, secondLaptop, List.of(change(theirs), change(other)), null);
            assertThat(answers).extracting(ChangeResult::status).containsExactly(ChangeStatus.ERASED, ChangeStatus.APPLIED);
            assertThat(push(client, secondLaptop, List.of(change(theirs)), "2")).extracting(ChangeResult::status, ChangeResult::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeStatus.REJECTED, "erased"));
            assertThat(leftovers(settings, resident)).as("the pushed change wrote nothing").isEmpty();

            HttpResponse<String> again = client.send("POST", erasure, null, "{\"reason\": \"request\"}", admin.token(), admin.session());
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(Json.mapper().readTree(again.body()).path("error").asText()).isEqualTo("erased");
            assertThat(client.send("GET", OfficeApi.RESIDENT_ACCESS.replace("{id}", resident.id().toString()), null, null,
                    admin.token(), admin.session()).statusCode()).isEqualTo(409);
            assertThat(client.send("GET", OfficeApi.RESIDENT_ERASURE.replace("{id}", UUID.randomUUID().toString()), null, null,
                    admin.token(), admin.session()).statusCode()).isEqualTo(404);
        }
    }

    private static PullPage pull(TestClient client, String token, long after, String schema) throws Exception {
        HttpResponse<String> answer = client.sendWithSchema("GET", Protocol.PULL + "?after=" + after + "&limit=5000", token, null,
                schema == null ? Integer.toString(Protocol.SCHEMA_VERSION) : schema);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.mapper().readValue(answer.body(), PullPage.class);
    }

    private static List<ChangeResult> push(TestClient client, String token, List<Change> changes, String schema) throws Exception {
        HttpResponse<String> answer = client.sendWithSchema("POST", Protocol.PUSH, token,
                Json.mapper().writeValueAsString(new PushRequest(changes, null)),
                schema == null ? Integer.toString(Protocol.SCHEMA_VERSION) : schema);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.mapper().readValue(answer.body(), PushResponse.class).results();
    }

    private static Change change(Agreement agreement) {
        return new Change(UUID.randomUUID(), RecordKind.AGREEMENT.wireName(), agreement.id(), agreement.residentId(), false,
                Json.mapper().valueToTree(agreement));
    }

    private static Resident residentOf(Agreement agreement) {
        return AREA.residents().stream().filter(r -> r.id().equals(agreement.residentId())).findFirst().orElseThrow();
    }

    private static Resident residentWithMostRecords() {
        Map<UUID, Integer> counts = new TreeMap<>();
        AREA.agreements().forEach(a -> counts.merge(a.residentId(), 1, Integer::sum));
        AREA.conversations().forEach(c -> counts.merge(c.residentId(), 1, Integer::sum));
        AREA.referrals().forEach(r -> counts.merge(r.residentId(), 1, Integer::sum));
        UUID most = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return AREA.residents().stream().filter(r -> r.id().equals(most)).findFirst().orElseThrow();
    }

    private static Map<String, Integer> recordsByKind(StoreSettings settings, UUID residentId) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection connection = connect(settings);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT kind, COUNT(*) FROM resident_record WHERE resident_id = ? GROUP BY kind")) {
            statement.setString(1, residentId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    /**
     * What the server's tables still hold of the resident, besides the tombstone, the audit log and the
     * {@code resident_erased} markers: rows naming their id, and any text holding their client number
     * or name. Empty: erased.
     */
    public static List<String> leftovers(StoreSettings settings, Resident resident) throws SQLException {
        List<String> found = new ArrayList<>();
        String id = resident.id().toString();
        try (Connection connection = connect(settings)) {
            count(connection, found, "resident", "SELECT COUNT(*) FROM resident WHERE id = ? OR client_number = ?", id,
                    resident.clientNumber());
            count(connection, found, "resident_record", "SELECT COUNT(*) FROM resident_record WHERE resident_id = ?", id);
            count(connection, found, "resident_move", "SELECT COUNT(*) FROM resident_move WHERE resident_id = ?", id);
            count(connection, found, "change_log", "SELECT COUNT(*) FROM change_log WHERE resident_id = ? AND kind <> ?", id,
                    RecordKind.RESIDENT_ERASED.wireName());
            count(connection, found, "change_log bodies", "SELECT COUNT(*) FROM change_log WHERE body LIKE ? OR body LIKE ?",
                    "%" + id + "%", "%" + resident.clientNumber() + "%");
            count(connection, found, "record bodies", "SELECT COUNT(*) FROM resident_record WHERE body LIKE ? OR body LIKE ?",
                    "%" + id + "%", "%" + resident.clientNumber() + "%");
            for (String table : List.of("resident_fact", "conversation_fact", "contact_attempt_fact", "referral_fact",
                    "agreement_fact", "development_plan_fact")) {
                count(connection, found, table, "SELECT COUNT(*) FROM " + table + " WHERE resident_id = ?", id);
            }
        }
        return found;
    }

    private static String tombstone(StoreSettings settings, UUID residentId) throws SQLException {
        try (Connection connection = connect(settings);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT reason, reference FROM resident_erasure WHERE resident_id = ?")) {
            statement.setString(1, residentId.toString());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) + " " + row.getString(2) : null;
            }
        }
    }

    private static void count(Connection connection, List<String> found, String what, String sql, String... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                if (row.getInt(1) > 0) {
                    found.add(what + ": " + row.getInt(1));
                }
            }
        }
    }

    private static Connection connect(StoreSettings settings) throws SQLException {
        return settings.user() == null ? DriverManager.getConnection(settings.jdbcUrl())
                : DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }
}
