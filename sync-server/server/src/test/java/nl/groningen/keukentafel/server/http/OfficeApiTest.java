package nl.groningen.keukentafel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.office.OfficeApi;
import nl.groningen.keukentafel.contract.office.ReportFigures;
import nl.groningen.keukentafel.contract.office.ReportScope;
import nl.groningen.keukentafel.contract.sync.EnrolRequest;
import nl.groningen.keukentafel.contract.sync.EnrolResponse;
import nl.groningen.keukentafel.contract.sync.Protocol;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.ReportExport;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.Reports;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The office API over real HTTP on both stores: who gets in (an office PC's token with a password
 * session; never a coach's token), and what each office action does, seen as the office and the
 * coaches' laptops see it.
 */
@ExtendWith(TestStores.class)
class OfficeApiTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private static final Dataset DEMO = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);
    private static final String PASSWORD = "wachtwoord-van-femke";
    private static final String HEADER = "client_number;first_name;last_name;street;house_number;postcode;wijk;coach\n";

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aCoachsTokenIsRefusedOnEveryOfficeEndpoint(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(DEMO);
            String coach = new TestClient(server).enrol(store, CLOCK, "sanne", DEMO.coaches().get(0).id());
            Office office = office(store, server, Role.OFFICE);
            List<String> routes = officeRoutes(server);
            assertThat(routes).as("office routes read from /openapi.json").hasSizeGreaterThanOrEqualTo(10);

            for (String route : routes) {
                String method = route.split(" ")[0];
                String path = route.split(" ")[1].replace("{id}", office.deviceId.toString());
                // Even with an office session beside it: the coach's device decides.
                for (String session : new String[] {null, office.session}) {
                    HttpResponse<String> answer = send(server, method, path, coach, session, "application/json", "{}");

                    assertThat(answer.statusCode()).as(route + " " + answer.body()).isEqualTo(403);
                    JsonNode body = Json.mapper().readTree(answer.body());
                    assertThat(body.path("error").asText()).as(route).isEqualTo("forbidden");
                    assertThat(body.path("message").isTextual()).as(route).isTrue();
                }
            }
            assertThat(store.countResidents()).as("nothing the coach sent was acted on").isEqualTo(DEMO.residents().size());
            assertThat(store.accounts().devices()).as("no device was revoked").allMatch(d -> d.revokedAt() == null);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void anOfficeTokenGetsNothingFromTheSyncPullButStillPushesItsEdits(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(DEMO);
            Office office = office(store, server, Role.OFFICE);
            Office admin = office(store, server, Role.ADMIN);

            for (Office who : List.of(office, admin)) {
                HttpResponse<String> pull = send(server, "GET", Protocol.PULL + "?after=0", who.token, null, null, null);
                assertThat(pull.statusCode()).as(pull.body()).isEqualTo(403);
                assertThat(Json.mapper().readTree(pull.body()).path("error").asText()).isEqualTo("forbidden");
                assertThat(pull.body()).doesNotContain(DEMO.residents().get(0).surname());

                HttpResponse<String> push = send(server, "POST", Protocol.PUSH, who.token, null, "application/json",
                        "{\"changes\": []}");
                assertThat(push.statusCode()).as("the office edits agreements and referrals by push: " + push.body()).isEqualTo(200);
            }
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void anOfficeRequestNeedsThePasswordSessionOfItsOwnDevice(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            Office office = office(store, server, Role.OFFICE);
            Office other = office(store, server, Role.OFFICE);

            assertThat(error(send(server, "GET", OfficeApi.COACHES, office.token, null, null, null))).isEqualTo("session_required");
            assertThat(error(send(server, "GET", OfficeApi.COACHES, office.token, other.session, null, null)))
                    .as("another device's session").isEqualTo("session_required");
            assertThat(error(send(server, "GET", OfficeApi.COACHES, null, office.session, null, null))).isEqualTo("unauthorized");
            assertThat(error(send(server, "POST", OfficeApi.SESSION, office.token, null, "application/json",
                    "{\"password\": \"niet-het-wachtwoord\"}"))).isEqualTo("wrong_credentials");
            assertThat(send(server, "GET", OfficeApi.COACHES, office.token, office.session, null, null).statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void thePreviewListsABadLineWithItsNumberAndColumnAndNothingIsStoredUntilTheFileIsFixed(StoreKind kind, TestStores stores)
            throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            Coach coach = store.coaches().add("Coach Selwerd", "Noord");
            Office office = office(store, server, Role.OFFICE);
            String bad = HEADER + "K-1;Jan;Jansen;Paddepoelsterweg;12;9741 AB;Selwerd;" + coach.id() + "\n"
                    + "K-2;Fatima;El Amrani;Siersteenlaan;3a;97430 EP;Vinkhuizen;\n"
                    + "K-3;Piet;Pietersma;Hamburgerstraat;9;9714 JA;De Wijert;\n";

            HttpResponse<String> preview = office.csv(OfficeApi.IMPORT_PREVIEW, bad);
            assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
            JsonNode answer = Json.mapper().readTree(preview.body());
            assertThat(answer.path("rows")).hasSize(2);
            assertThat(answer.path("problems")).hasSize(1);
            JsonNode problem = answer.path("problems").path(0);
            assertThat(problem.path("line").asInt()).isEqualTo(3);
            assertThat(problem.path("column").asText()).isEqualTo("postcode");
            assertThat(problem.path("message").asText()).contains("97430 EP");
            assertThat(store.countResidents()).as("a preview stores nothing").isZero();

            HttpResponse<String> refused = office.csv(OfficeApi.IMPORT, bad);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(error(refused)).isEqualTo("import_problems");
            assertThat(Json.mapper().readTree(refused.body()).path("message").asText()).contains("regel 3");
            assertThat(store.countResidents()).as("a file with a problem stores nothing").isZero();

            HttpResponse<String> imported = office.csv(OfficeApi.IMPORT, bad.replace("97430 EP", "9743 EP"));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            JsonNode counts = Json.mapper().readTree(imported.body());
            assertThat(counts.path("added").asInt()).isEqualTo(3);
            assertThat(counts.path("without_coach").asInt()).isEqualTo(2);
            assertThat(store.countResidents()).isEqualTo(3);

            JsonNode found = Json.mapper().readTree(office.get(OfficeApi.RESIDENTS + "?q=amrani").body());
            assertThat(found.path("total").asInt()).isEqualTo(1);
            assertThat(found.path("residents").path(0).path("name").asText()).isEqualTo("Fatima El Amrani");
            assertThat(found.path("residents").path(0).path("wijk").asText()).isEqualTo("Vinkhuizen");
            JsonNode withoutCoach = Json.mapper().readTree(office.get(OfficeApi.RESIDENTS + "?coach=none").body());
            assertThat(withoutCoach.path("total").asInt()).isEqualTo(2);
            JsonNode coaches = Json.mapper().readTree(office.get(OfficeApi.COACHES).body()).path("coaches");
            assertThat(coaches.path(0).path("residents").asInt()).isEqualTo(1);

            HttpResponse<String> again = office.csv(OfficeApi.IMPORT, bad.replace("97430 EP", "9743 EP"));
            assertThat(Json.mapper().readTree(again.body()).path("unchanged").asInt()).as("imported twice").isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void anElevenThousandRowFileFitsAndIsPreviewedWhole(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            Office office = office(store, server, Role.OFFICE);
            StringBuilder file = new StringBuilder(HEADER.replace(";coach", ";city;date_of_birth;phone;known_at_wij;specialist_team"
                    + ";surname_prefix;coach"));
            for (int i = 1; i <= 11_000; i++) {
                file.append("GRN-").append(100_000 + i).append(";Alexandra-Johanna;Wolthuis-Veenstra;Burgemeester Venemastraat;")
                        .append(1 + i % 400).append("b;9741 AB;Vinkhuizen;Groningen;1971-04-").append(10 + i % 18)
                        .append(";06 1234 5678;nee;nee;van der;\n");
            }
            assertThat((long) file.length()).as("bytes").isLessThan(SyncServer.MAX_BODY_BYTES);

            HttpResponse<String> preview = office.csv(OfficeApi.IMPORT_PREVIEW, file.toString());
            assertThat(preview.statusCode()).as(preview.body().substring(0, Math.min(300, preview.body().length()))).isEqualTo(200);
            JsonNode answer = Json.mapper().readTree(preview.body());
            assertThat(answer.path("rows")).hasSize(11_000);
            assertThat(answer.path("would").path("added").asInt()).isEqualTo(11_000);
            assertThat(store.countResidents()).isZero();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void tenResidentsAssignedToAnotherCoachReachTheirLaptopWithTheirRecords(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(DEMO);
            UUID from = DEMO.coaches().get(0).id();
            UUID to = store.coaches().add("Coach Helpman", "Zuid").id();
            String newLaptop = new TestClient(server).enrol(store, CLOCK, "ruud", to);
            long cursor = pullAll(server, newLaptop).cursor;
            Office office = office(store, server, Role.OFFICE);
            JsonNode page = Json.mapper().readTree(office.get(OfficeApi.RESIDENTS + "?coach=" + from + "&limit=10").body());
            List<UUID> ten = new ArrayList<>();
            page.path("residents").forEach(r -> ten.add(UUID.fromString(r.path("id").asText())));
            assertThat(ten).hasSize(10);

            HttpResponse<String> assigned = office.json("POST", OfficeApi.ASSIGNMENTS, Json.mapper().writeValueAsString(
                    Map.of("resident_ids", ten, "coach_id", to)));
            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
            assertThat(Json.mapper().readTree(assigned.body()).path("moved").asInt()).isEqualTo(10);

            Pulled pulled = pullAll(server, newLaptop, cursor);
            Set<UUID> residents = pulled.changes.stream().filter(c -> c.path("kind").asText().equals("resident"))
                    .map(c -> UUID.fromString(c.path("record_id").asText())).collect(Collectors.toSet());
            assertThat(residents).containsExactlyInAnyOrderElementsOf(ten);
            Set<UUID> expected = recordsOf(new HashSet<>(ten));
            Set<UUID> records = pulled.changes.stream().filter(c -> !c.path("kind").asText().equals("resident"))
                    .map(c -> UUID.fromString(c.path("record_id").asText())).collect(Collectors.toSet());
            assertThat(expected).as("the residents have a history to move").isNotEmpty();
            assertThat(records).as("their whole history").containsAll(expected);

            JsonNode coaches = Json.mapper().readTree(office.get(OfficeApi.COACHES).body()).path("coaches");
            for (JsonNode c : coaches) {
                UUID id = UUID.fromString(c.path("id").asText());
                assertThat(c.path("residents").asInt()).as(c.path("name").asText()).isEqualTo(DEMO.caseloadOf(id).size()
                        + (id.equals(to) ? 10 : id.equals(from) ? -10 : 0));
            }
            HttpResponse<String> unknown = office.json("POST", OfficeApi.ASSIGNMENTS, Json.mapper().writeValueAsString(
                    Map.of("resident_ids", List.of(ten.get(0), UUID.randomUUID()), "coach_id", from)));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(error(unknown)).isEqualTo("unknown_residents");
            assertThat(store.caseloadOf(to)).as("all or none").hasSize(DEMO.caseloadOf(to).size() + 10);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aRevokedLaptopIsRefusedAndTheDeviceListShowsWhatItReported(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(DEMO);
            String laptop = new TestClient(server).enrol(store, CLOCK, "sanne", DEMO.coaches().get(0).id());
            HttpRequest pull = HttpRequest.newBuilder(URI.create(base(server) + Protocol.PULL + "?after=0&limit=1"))
                    .header(Protocol.SCHEMA_HEADER, Integer.toString(Protocol.SCHEMA_VERSION))
                    .header("Authorization", "Bearer " + laptop)
                    .header(Protocol.APP_VERSION_HEADER, "0.2.0")
                    .header(Protocol.WAITING_HEADER, "7").build();
            assertThat(http.send(pull, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            Office office = office(store, server, Role.OFFICE);

            JsonNode devices = Json.mapper().readTree(office.get(OfficeApi.DEVICES).body()).path("devices");
            JsonNode sanne = Stream.of(devices).flatMap(d -> java.util.stream.StreamSupport.stream(d.spliterator(), false))
                    .filter(d -> d.path("user_name").asText().equals("sanne")).findFirst().orElseThrow();
            assertThat(sanne.path("app_version").asText()).isEqualTo("0.2.0");
            assertThat(sanne.path("waiting_changes").asInt()).isEqualTo(7);
            assertThat(sanne.path("last_sync_at").asText()).isEqualTo("2026-11-22T09:00:00Z");
            assertThat(sanne.path("role").asText()).isEqualTo("coach");

            HttpResponse<String> revoked = office.json("POST", OfficeApi.REVOKE.replace("{id}", sanne.path("id").asText()), null);
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
            assertThat(Json.mapper().readTree(revoked.body()).path("revoked").asBoolean()).isTrue();
            assertThat(error(send(server, "GET", Protocol.PULL, laptop, null, null, null))).isEqualTo("device_revoked");
            assertThat(office.json("POST", OfficeApi.REVOKE.replace("{id}", UUID.randomUUID().toString()), null).statusCode())
                    .isEqualTo(404);

            // The office PC itself, revoked, opens nothing either, its session included.
            Office other = office(store, server, Role.OFFICE);
            office.json("POST", OfficeApi.REVOKE.replace("{id}", other.deviceId.toString()), null);
            assertThat(error(other.get(OfficeApi.DEVICES))).isEqualTo("device_revoked");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aUserTheOfficeMakesEnrolsWithTheCodeItMakes(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(DEMO);
            Office office = office(store, server, Role.OFFICE);
            UUID coach = store.coaches().add("Coach Beijum", "Oost").id();

            HttpResponse<String> made = office.json("POST", OfficeApi.USERS, "{\"user_name\": \"noor\", \"password\": \"een-goed-wachtwoord\","
                    + " \"role\": \"coach\", \"coach_id\": \"" + coach + "\"}");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            HttpResponse<String> code = office.json("POST", OfficeApi.ENROLMENT_CODES, "{\"user_name\": \"noor\"}");
            assertThat(code.statusCode()).as(code.body()).isEqualTo(201);
            String theCode = Json.mapper().readTree(code.body()).path("code").asText();

            HttpResponse<String> enrolled = send(server, "POST", Protocol.ENROL, null, null, "application/json",
                    Json.mapper().writeValueAsString(new EnrolRequest("noor", "een-goed-wachtwoord", theCode, "Laptop 12")));
            assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
            assertThat(Json.mapper().readValue(enrolled.body(), EnrolResponse.class).coachId()).isEqualTo(coach);

            assertThat(error(office.json("POST", OfficeApi.USERS, "{\"user_name\": \"noor\", \"password\": \"een-goed-wachtwoord\","
                    + " \"role\": \"office\"}"))).isEqualTo("user_exists");
            assertThat(error(office.json("POST", OfficeApi.USERS, "{\"user_name\": \"baas\", \"password\": \"een-goed-wachtwoord\","
                    + " \"role\": \"admin\"}"))).as("only an admin makes an admin").isEqualTo("forbidden");
            Office admin = office(store, server, Role.ADMIN);
            assertThat(admin.json("POST", OfficeApi.USERS, "{\"user_name\": \"baas\", \"password\": \"een-goed-wachtwoord\","
                    + " \"role\": \"admin\"}").statusCode()).isEqualTo(201);
            assertThat(error(office.json("POST", OfficeApi.ENROLMENT_CODES, "{\"user_name\": \"niemand\"}"))).isEqualTo("unknown_user");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aCoachTheOfficeAddsIsListedInTheirAreaWithAnEmptyCaseload(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(DEMO);
            Office office = office(store, server, Role.OFFICE);
            String area = DEMO.coaches().get(0).area();

            HttpResponse<String> added = office.json("POST", OfficeApi.COACHES, "{\"name\": \"  Femke Bakker \", \"area\": \""
                    + area.toUpperCase(Locale.ROOT) + "\"}");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            JsonNode coach = Json.mapper().readTree(added.body());
            assertThat(coach.path("name").asText()).isEqualTo("Femke Bakker");
            assertThat(coach.path("area").asText()).as("joins the area as it is known").isEqualTo(area);
            assertThat(coach.path("residents").asInt()).isZero();
            assertThat(coach.path("user_names")).isEmpty();
            JsonNode listed = Json.mapper().readTree(office.get(OfficeApi.COACHES).body()).path("coaches");
            assertThat(listed).hasSize(DEMO.coaches().size() + 1).contains(coach);
            assertThat(store.coaches().exists(UUID.fromString(coach.path("id").asText()))).isTrue();
            HttpResponse<String> byAdmin = office(store, server, Role.ADMIN).json("POST", OfficeApi.COACHES,
                    "{\"name\": \"Joost de Vries\", \"area\": \"Haren\"}");
            assertThat(byAdmin.statusCode()).as("a new area, by an admin").isEqualTo(201);
            assertThat(store.coaches().areas()).contains("Haren");

            for (String bad : List.of("{}", "{\"name\": \"Femke\"}", "{\"area\": \"Zuid\"}", "{\"name\": \"\", \"area\": \"Zuid\"}",
                    "{\"name\": \"Femke\", \"area\": \"   \"}", "{\"name\": 12, \"area\": \"Zuid\"}",
                    "{\"name\": \"Femke\", \"area\": null}", "{\"name\": \"" + "F".repeat(101) + "\", \"area\": \"Zuid\"}",
                    "{\"name\": \"Femke\", \"area\": \"" + "Z".repeat(51) + "\"}")) {
                HttpResponse<String> refused = office.json("POST", OfficeApi.COACHES, bad);
                assertThat(refused.statusCode()).as(bad + " " + refused.body()).isEqualTo(400);
                assertThat(error(refused)).as(bad).isEqualTo("bad_request");
            }
            assertThat(store.coaches().list()).as("nothing refused was added").hasSize(DEMO.coaches().size() + 2);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void theReportIsWhatReportsCountsAndItsCsvIsTheExportThatHidesSmallCounts(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(DEMO);
            Office office = office(store, server, Role.OFFICE);
            // Two residents in a wijk of their own, through the office's import: a count the CSV must hide.
            HttpResponse<String> imported = office.csv(OfficeApi.IMPORT, HEADER + "K-1;Jan;Jansen;Dorpsweg;1;9746 AA;Ruischerbrug;\n"
                    + "K-2;Fatima;El Amrani;Dorpsweg;2;9746 AA;Ruischerbrug;\n");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            LocalDate from = LocalDate.of(2026, 1, 1);
            String period = "?from=" + from + "&to=" + TODAY;
            Coach coach = DEMO.coaches().get(0);
            Map<String, ReportScope> scopes = new java.util.LinkedHashMap<>();
            scopes.put("", ReportScope.city());
            scopes.put("&scope=area&value=" + coach.area().toLowerCase(Locale.ROOT), ReportScope.area(coach.area()));
            scopes.put("&scope=wijk&value=" + DEMO.residents().get(0).wijk().replace(" ", "%20"),
                    ReportScope.wijk(DEMO.residents().get(0).wijk()));
            scopes.put("&scope=coach&value=" + coach.id(), ReportScope.coach(coach.id()));

            for (Map.Entry<String, ReportScope> scope : scopes.entrySet()) {
                ReportFigures figures = new Reports(store).figures(from, TODAY, scope.getValue(), TODAY);
                HttpResponse<String> json = office.get(OfficeApi.REPORTS + period + scope.getKey());
                assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
                assertThat(Json.mapper().readTree(json.body())).as(scope.getKey()).isEqualTo(Json.mapper().valueToTree(figures));
                assertThat(figures.reach().inGroup()).as("the demo city counts something in " + scope.getValue()).isPositive();
            }
            HttpResponse<String> asOf = office.get(OfficeApi.REPORTS + period + "&as_of=2026-06-30");
            assertThat(Json.mapper().readTree(asOf.body())).isEqualTo(Json.mapper().valueToTree(
                    new Reports(store).figures(from, TODAY, ReportScope.city(), LocalDate.of(2026, 6, 30))));

            HttpResponse<String> csv = office.get(OfficeApi.REPORTS + period + "&scope=wijk&value=ruischerbrug&format=csv");
            assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith(OfficeApi.CSV);
            assertThat(csv.body()).isEqualTo(ReportExport.csv(new Reports(store).figures(from, TODAY, ReportScope.wijk("ruischerbrug"),
                    TODAY)));
            assertThat(csv.body()).contains("bereik;in_group;In de groep (nu);;< 5;").doesNotContain(";2;");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aReportWithABadPeriodOrScopeIsRefusedAndACoachsLaptopGetsNone(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(DEMO);
            Office office = office(store, server, Role.OFFICE);
            String period = "?from=2026-01-01&to=2026-11-22";
            for (String bad : List.of("", "?from=2026-01-01", "?to=2026-11-22", "?from=2026-13-01&to=2026-12-31",
                    "?from=1-1-2026&to=2026-12-31", "?from=2026-02-30&to=2026-12-31", "?from=2026-12-31&to=2026-01-01",
                    "?from=2000-01-01&to=2026-12-31", period + "&scope=street&value=Dorpsweg", period + "&scope=wijk",
                    period + "&scope=coach&value=", period + "&value=Selwerd", period + "&scope=coach&value=femke",
                    period + "&as_of=gisteren", period + "&format=pdf")) {
                HttpResponse<String> answer = office.get(OfficeApi.REPORTS + bad);
                assertThat(answer.statusCode()).as(bad + " " + answer.body()).isEqualTo(400);
                assertThat(error(answer)).as(bad).isEqualTo("bad_request");
            }
            HttpResponse<String> unknownCoach = office.get(OfficeApi.REPORTS + period + "&scope=coach&value=" + UUID.randomUUID());
            assertThat(unknownCoach.statusCode()).isEqualTo(404);
            assertThat(error(unknownCoach)).isEqualTo("unknown_coach");
            assertThat(error(office.get(OfficeApi.REPORTS + period + "&scope=area&value=Nergensland"))).isEqualTo("unknown_area");

            String laptop = new TestClient(server).enrol(store, CLOCK, "sanne", DEMO.coaches().get(0).id());
            for (String format : List.of("json", "csv")) {
                HttpResponse<String> coach = send(server, "GET", OfficeApi.REPORTS + period + "&format=" + format, laptop, office.session,
                        null, null);
                assertThat(coach.statusCode()).as(coach.body()).isEqualTo(403);
                assertThat(error(coach)).isEqualTo("forbidden");
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static int offices;

    /** An office PC: a user of this role enrolled over HTTP, logged in with the password. */
    private Office office(ServerStore store, SyncServer server, Role role) throws Exception {
        String user = role.name().toLowerCase(Locale.ROOT) + "-" + (++offices);
        store.accounts().createUser(user, role, null, PASSWORD.toCharArray());
        String code = store.accounts().createEnrolmentCode(user, Duration.ofDays(1), CLOCK.instant());
        HttpResponse<String> enrolled = send(server, "POST", Protocol.ENROL, null, null, "application/json",
                Json.mapper().writeValueAsString(new EnrolRequest(user, PASSWORD, code, "Kantoor-pc")));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
        EnrolResponse device = Json.mapper().readValue(enrolled.body(), EnrolResponse.class);
        HttpResponse<String> login = send(server, "POST", OfficeApi.SESSION, device.token(), null, "application/json",
                "{\"password\": \"" + PASSWORD + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return new Office(server, device.deviceId(), device.token(), Json.mapper().readTree(login.body()).path("session").asText());
    }

    private final class Office {
        final SyncServer server;
        final UUID deviceId;
        final String token;
        final String session;

        Office(SyncServer server, UUID deviceId, String token, String session) {
            this.server = server;
            this.deviceId = deviceId;
            this.token = token;
            this.session = session;
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(server, "GET", path, token, session, null, null);
        }

        HttpResponse<String> json(String method, String path, String body) throws Exception {
            return send(server, method, path, token, session, body == null ? null : "application/json", body);
        }

        HttpResponse<String> csv(String path, String body) throws Exception {
            return send(server, "POST", path, token, session, "text/csv; charset=utf-8", body);
        }
    }

    private HttpResponse<String> send(SyncServer server, String method, String path, String token, String session,
                                      String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(server) + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header(Protocol.SCHEMA_HEADER, Integer.toString(Protocol.SCHEMA_VERSION));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            request.header(OfficeApi.SESSION_HEADER, session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base(SyncServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    private static String error(HttpResponse<String> answer) throws Exception {
        JsonNode body = Json.mapper().readTree(answer.body());
        assertThat(body.size()).as("the error shape: " + answer.body()).isEqualTo(2);
        return body.path("error").asText();
    }

    /** Every "METHOD /path" under the office prefix in the served /openapi.json. */
    private List<String> officeRoutes(SyncServer server) throws Exception {
        JsonNode document = Json.mapper().readTree(send(server, "GET", "/openapi.json", null, null, null, null).body());
        List<String> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith(OfficeApi.PREFIX + "/")) {
                continue;
            }
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return routes;
    }

    private record Pulled(List<JsonNode> changes, long cursor) {
    }

    private Pulled pullAll(SyncServer server, String token) throws Exception {
        return pullAll(server, token, 0);
    }

    private Pulled pullAll(SyncServer server, String token, long after) throws Exception {
        List<JsonNode> changes = new ArrayList<>();
        JsonNode page;
        do {
            HttpResponse<String> answer = send(server, "GET", Protocol.PULL + "?after=" + after + "&limit=5000", token, null, null, null);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            page = Json.mapper().readTree(answer.body());
            page.path("changes").forEach(changes::add);
            after = page.path("next_cursor").asLong();
        } while (page.path("has_more").asBoolean());
        return new Pulled(changes, after);
    }

    /** The ids of every record the dataset holds for these residents. */
    private static Set<UUID> recordsOf(Set<UUID> residents) {
        Set<UUID> ids = new HashSet<>();
        DEMO.contactAttempts().stream().filter(r -> residents.contains(r.residentId())).forEach(r -> ids.add(r.id()));
        DEMO.appointments().stream().filter(r -> residents.contains(r.residentId())).forEach(r -> ids.add(r.id()));
        DEMO.conversations().stream().filter(r -> residents.contains(r.residentId())).forEach(r -> ids.add(r.id()));
        DEMO.agreements().stream().filter(r -> residents.contains(r.residentId())).forEach(r -> ids.add(r.id()));
        DEMO.referrals().stream().filter(r -> residents.contains(r.residentId())).forEach(r -> ids.add(r.id()));
        DEMO.developmentPlans().stream().filter(r -> residents.contains(r.residentId())).forEach(r -> ids.add(r.id()));
        return ids;
    }
}
