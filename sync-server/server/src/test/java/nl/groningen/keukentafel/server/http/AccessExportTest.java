package nl.groningen.keukentafel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.AccessExport;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.office.AuditEntry;
import nl.groningen.keukentafel.contract.office.OfficeApi;
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

/** The office's access export over HTTP: every record the database holds for the resident, nothing of anyone else. */
@ExtendWith(TestStores.class)
class AccessExportTest {

    private static final Dataset AREA = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, LocalDate.of(2026, 11, 22))
            .generate(DatasetSize.AREA);

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void theExportHoldsEveryRecordTheDatabaseHasForTheResidentAndNothingOfAnyOther(StoreKind kind, TestStores stores) throws Exception {
        StoreSettings settings = stores.fresh(kind);
        try (ServerStore store = ServerStore.open(settings);
             SyncServer server = new SyncServer(store, Clock.systemUTC()).start("127.0.0.1", 0)) {
            store.importDataset(AREA);
            TestClient client = new TestClient(server);
            TestClient.OfficeLogin office = client.enrolOffice(store, Clock.systemUTC(), "kantoor", Role.OFFICE);
            Map<String, TreeSet<String>> inDatabase = new TreeMap<>();
            Resident resident = residentWithMostRecords(settings, inDatabase);

            var answer = client.send("GET", OfficeApi.RESIDENT_ACCESS.replace("{id}", resident.id().toString()), null, null,
                    office.token(), office.session());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            AccessExport export = Json.mapper().readValue(answer.body(), AccessExport.class);
            JsonNode tree = Json.mapper().readTree(answer.body());

            assertThat(export.source()).isEqualTo(AccessExport.SERVER);
            assertThat(export.resident().id()).isEqualTo(resident.id());
            Map<String, TreeSet<String>> exported = new TreeMap<>();
            for (String list : new String[] {"contact_attempts", "appointments", "conversations", "agreements", "referrals",
                    "development_plans", "conflicts"}) {
                for (JsonNode record : tree.path(list)) {
                    exported.computeIfAbsent(list, k -> new TreeSet<>()).add(record.path("id").asText());
                    assertThat(record.path("resident_id").asText()).isEqualTo(resident.id().toString());
                }
            }
            assertThat(exported).as("every record of the resident in the database, by kind").isEqualTo(inDatabase);
            assertThat(export.recordCount()).isEqualTo(inDatabase.values().stream().mapToInt(TreeSet::size).sum()).isGreaterThan(5);
            assertThat(export.audit()).extracting(AuditEntry::action).containsExactly(AuditAction.EXPORTED);
            assertThat(export.audit().get(0).userName()).isEqualTo("kantoor");
            assertThat(store.auditTrail(resident.id()).entries()).extracting(AuditEntry::action).containsExactly(AuditAction.EXPORTED);

            for (Resident other : AREA.residents()) {
                if (!other.id().equals(resident.id())) {
                    assertThat(answer.body()).as("nothing of another resident").doesNotContain(other.id().toString())
                            .doesNotContain("\"" + other.clientNumber() + "\"");
                }
            }
            var unknown = client.send("GET", OfficeApi.RESIDENT_ACCESS.replace("{id}", UUID.randomUUID().toString()), null, null,
                    office.token(), office.session());
            assertThat(unknown.statusCode()).isEqualTo(404);
        }
    }

    /** The resident with the most records, read straight from the database, with their record ids by the export's list names. */
    private static Resident residentWithMostRecords(StoreSettings settings, Map<String, TreeSet<String>> records) throws SQLException {
        try (Connection connection = settings.user() == null ? DriverManager.getConnection(settings.jdbcUrl())
                : DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            String id;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT resident_id FROM resident_record GROUP BY resident_id ORDER BY COUNT(*) DESC, resident_id LIMIT 1");
                 ResultSet row = statement.executeQuery()) {
                row.next();
                id = row.getString(1);
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT kind, id FROM resident_record WHERE resident_id = ?")) {
                statement.setString(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String list = rows.getString(1).equals("development_plan") ? "development_plans" : rows.getString(1) + "s";
                        records.computeIfAbsent(list, k -> new TreeSet<>()).add(rows.getString(2));
                    }
                }
            }
            return AREA.residents().stream().filter(r -> r.id().toString().equals(id)).findFirst().orElseThrow();
        }
    }
}
