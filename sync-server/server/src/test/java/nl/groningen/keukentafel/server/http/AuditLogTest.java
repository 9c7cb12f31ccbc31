package nl.groningen.keukentafel.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.office.AuditEntry;
import nl.groningen.keukentafel.contract.office.AuditTrail;
import nl.groningen.keukentafel.contract.office.OfficeApi;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.Protocol;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit log over real HTTP: pushes and pulls leave their entries, and the store refuses to change or drop one. */
@ExtendWith(TestStores.class)
class AuditLogTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Dataset AREA = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.AREA);

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aPushAndEveryPullPageThatDeliveredTheResidentAreLoggedWithUserAndDevice(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, Clock.systemUTC()).start("127.0.0.1", 0)) {
            store.importDataset(AREA);
            UUID sanneCoach = AREA.coaches().get(0).id();
            UUID otherCoach = AREA.coaches().get(1).id();
            TestClient client = new TestClient(server);
            String sanne = client.enrol(store, Clock.systemUTC(), "sanne", sanneCoach);
            UUID sanneDevice = store.accounts().authenticate(sanne, Instant.now()).orElseThrow().deviceId();
            Resident hers = AREA.caseloadOf(sanneCoach).get(0);
            Resident notHers = AREA.caseloadOf(otherCoach).get(0);

            assertThat(client.send("POST", Protocol.PUSH, sanne, Json.mapper().writeValueAsString(
                    new PushRequest(List.of(agreement(hers))))).statusCode()).isEqualTo(200);
            // The whole caseload, in small pages: the page that holds the resident's records counts, and so does the one with the push.
            long after = 0;
            int pages = 0;
            while (true) {
                var page = Json.mapper().readTree(client.send("GET", Protocol.PULL + "?after=" + after + "&limit=500", sanne, null).body());
                pages++;
                after = page.get("next_cursor").asLong();
                if (!page.get("has_more").asBoolean()) {
                    break;
                }
            }
            assertThat(pages).isGreaterThan(1);

            List<AuditEntry> trail = store.auditTrail(hers.id()).entries();
            assertThat(trail).extracting(AuditEntry::action).contains(AuditAction.PUSHED, AuditAction.PULLED);
            assertThat(trail).allSatisfy(entry -> {
                assertThat(entry.userName()).isEqualTo("sanne");
                assertThat(entry.role()).isEqualTo("coach");
                assertThat(entry.deviceId()).isEqualTo(sanneDevice);
                assertThat(entry.deviceName()).isNotBlank();
            });
            assertThat(trail.stream().filter(e -> e.action() == AuditAction.PUSHED)).hasSize(1);
            assertThat(store.auditTrail(notHers.id()).entries()).as("another coach's resident was neither pulled nor pushed").isEmpty();

            // The office asks the same: who saw or changed her, and when.
            TestClient.OfficeLogin office = client.enrolOffice(store, Clock.systemUTC(), "kantoor", Role.OFFICE);
            var answer = client.send("GET", OfficeApi.RESIDENT_AUDIT.replace("{id}", hers.id().toString()), null, null,
                    office.token(), office.session());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            AuditTrail asked = Json.mapper().readValue(answer.body(), AuditTrail.class);
            assertThat(asked.entries()).isEqualTo(store.auditTrail(hers.id()).entries());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void theOfficeSeeingMovingAndImportingAResidentIsLoggedWithTheOfficeUser(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, Clock.systemUTC()).start("127.0.0.1", 0)) {
            store.importDataset(AREA);
            TestClient client = new TestClient(server);
            TestClient.OfficeLogin office = client.enrolOffice(store, Clock.systemUTC(), "kantoor", Role.OFFICE);
            Resident seen = AREA.caseloadOf(AREA.coaches().get(0).id()).get(0);
            Resident unseen = AREA.caseloadOf(AREA.coaches().get(0).id()).get(1);
            UUID toCoach = AREA.coaches().get(1).id();

            var search = client.send("GET", OfficeApi.RESIDENTS + "?q=" + seen.clientNumber() + "&limit=1", null, null,
                    office.token(), office.session());
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            var moved = client.send("POST", OfficeApi.ASSIGNMENTS, "application/json", "{\"coach_id\": \"" + toCoach
                    + "\", \"resident_ids\": [\"" + seen.id() + "\"]}", office.token(), office.session());
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
            var imported = client.send("POST", OfficeApi.IMPORT, "text/csv; charset=utf-8",
                    "client_number;first_name;last_name;street;house_number;postcode;wijk;coach\n"
                            + seen.clientNumber() + ";" + seen.givenName() + ";" + seen.surname() + ";Nieuwe Straat;12;9741 AB;"
                            + seen.wijk() + ";\n", office.token(), office.session());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

            List<AuditEntry> trail = store.auditTrail(seen.id()).entries();
            assertThat(trail).extracting(AuditEntry::action)
                    .containsExactlyInAnyOrder(AuditAction.VIEWED, AuditAction.MOVED, AuditAction.IMPORTED);
            assertThat(trail).allSatisfy(entry -> {
                assertThat(entry.userName()).isEqualTo("kantoor");
                assertThat(entry.role()).isEqualTo("office");
            });
            assertThat(store.auditTrail(unseen.id()).entries()).as("not on the page, not moved, not imported").isEmpty();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void theStoreRefusesToChangeOrDropAnEntryAndOnlyExpiryRemovesOldOnes(StoreKind kind, TestStores stores) throws Exception {
        StoreSettings settings = stores.fresh(kind);
        try (ServerStore store = ServerStore.open(settings)) {
            store.importDataset(AREA);
            UUID coach = AREA.coaches().get(0).id();
            Resident resident = AREA.caseloadOf(coach).get(0);
            Clock sixYearsAgo = Clock.fixed(Instant.now().minusSeconds(6L * 366 * 24 * 3600), ZoneOffset.UTC);
            Clock now = Clock.systemUTC();
            for (Clock clock : List.of(sixYearsAgo, now)) {
                try (SyncServer server = new SyncServer(store, clock).start("127.0.0.1", 0)) {
                    TestClient client = new TestClient(server);
                    String token = client.enrol(store, clock, "coach-" + clock.instant().toEpochMilli(), coach);
                    assertThat(client.send("POST", Protocol.PUSH, token, Json.mapper().writeValueAsString(
                            new PushRequest(List.of(agreement(resident))))).statusCode()).isEqualTo(200);
                }
            }
            assertThat(store.auditTrail(resident.id()).entries()).hasSize(2);

            try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_log SET user_id = NULL"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_log"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("retention period");
                if (kind == StoreKind.POSTGRESQL) {
                    assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE audit_log"))
                            .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                }
            }
            assertThat(store.auditTrail(resident.id()).entries()).as("nothing changed by the refused statements").hasSize(2)
                    .allSatisfy(entry -> assertThat(entry.userName()).isNotNull());

            assertThat(store.expireAudit(Instant.now())).as("the entry from six years ago is past the five kept").isEqualTo(1);
            assertThat(store.auditTrail(resident.id()).entries()).singleElement()
                    .satisfies(entry -> assertThat(entry.at()).isAfter(Instant.now().minusSeconds(3600)));
        }
    }

    @Test
    void theServersOwnCodeHasNoUpdateOrDeleteOfTheAuditLogButItsExpiry() throws Exception {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String text = Files.readString(p).replaceAll("\\s+", " ");
                    boolean writes = text.matches("(?s).*(UPDATE audit_log|DELETE FROM audit_log|TRUNCATE audit_log).*");
                    return writes && !(p.endsWith("AuditLog.java") && text.split("DELETE FROM audit_log", -1).length == 2
                            && !text.contains("UPDATE audit_log") && !text.contains("TRUNCATE"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static Connection connect(StoreSettings settings) throws SQLException {
        return settings.user() == null ? DriverManager.getConnection(settings.jdbcUrl())
                : DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    private static Change agreement(Resident resident) {
        Agreement a = new Agreement(UUID.randomUUID(), resident.id(), UUID.randomUUID(), "Vrijwilligerswerk opzoeken",
                AgreementOwner.COACH, null, TODAY.plusWeeks(2), AgreementStatus.OPEN, null, null);
        return new Change(UUID.randomUUID(), "agreement", a.id(), resident.id(), false, Json.mapper().valueToTree(a));
    }
}
