package nl.groningen.keukentafel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.EnrolRequest;
import nl.groningen.keukentafel.contract.sync.Protocol;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Enrolment, push and pull over real HTTP on a loopback port, and every way a request is refused. */
@ExtendWith(TestStores.class)
class SyncOverHttpTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private static final Dataset AREA = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.AREA);

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void anEnrolledLaptopPushesAndPullsItsCaseload(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(AREA);
            String token = enrol(store, server, "sanne", AREA.coaches().get(0).id());
            Resident own = AREA.caseloadOf(AREA.coaches().get(0).id()).get(0);
            Resident other = AREA.caseloadOf(AREA.coaches().get(1).id()).get(0);
            Change mine = agreement(own);
            Change theirs = agreement(other);

            HttpResponse<String> push = send(server, "POST", Protocol.PUSH, token,
                    Json.mapper().writeValueAsString(new PushRequest(List.of(mine, theirs))));
            PushResponse pushed = Json.mapper().readValue(push.body(), PushResponse.class);
            HttpResponse<String> pull = send(server, "GET", Protocol.PULL + "?after=0&limit=5000", token, null);
            PullPage page = Json.mapper().readValue(pull.body(), PullPage.class);

            assertThat(push.statusCode()).isEqualTo(200);
            assertThat(pushed.results()).extracting(r -> r.reason()).containsExactly(null, "not_in_scope");
            assertThat(pull.statusCode()).isEqualTo(200);
            assertThat(page.changes()).anyMatch(c -> c.recordId().equals(mine.recordId()));
            assertThat(page.changes()).noneMatch(c -> c.residentId().equals(other.id()));
            assertThat(page).as("the bodies go out as stored and read back the same")
                    .isEqualTo(store.pull(AREA.coaches().get(0).id(), 0, 5000));
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void everySyncEndpointRefusesWithoutAValidDeviceAndGivesNoData(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(AREA);
            String token = enrol(store, server, "sanne", AREA.coaches().get(0).id());
            String revoked = enrol(store, server, "femke", AREA.coaches().get(1).id());
            store.accounts().devices().stream().filter(d -> d.userName().equals("femke"))
                    .forEach(d -> store.accounts().revoke(d.id(), CLOCK.instant()));
            String body = Json.mapper().writeValueAsString(new PushRequest(List.of(agreement(AREA.residents().get(0)))));

            for (String[] endpoint : new String[][] {{"POST", Protocol.PUSH}, {"GET", Protocol.PULL}}) {
                String payload = endpoint[0].equals("POST") ? body : null;
                assertRefused(send(server, endpoint[0], endpoint[1], null, payload), 401, "unauthorized");
                assertRefused(send(server, endpoint[0], endpoint[1], token + "x", payload), 401, "unauthorized");
                assertRefused(send(server, endpoint[0], endpoint[1], revoked, payload), 401, "device_revoked");
                assertRefused(sendWithSchema(server, endpoint[0], endpoint[1], token, payload,
                        Integer.toString(Protocol.OLDEST_SUPPORTED_SCHEMA)), 200, null);
                assertRefused(sendWithSchema(server, endpoint[0], endpoint[1], token, payload,
                        Integer.toString(Protocol.OLDEST_SUPPORTED_SCHEMA - 1)), 426, "app_too_old");
                assertRefused(sendWithSchema(server, endpoint[0], endpoint[1], token, payload, null), 426, "app_too_old");
                assertRefused(sendWithSchema(server, endpoint[0], endpoint[1], token, payload, "twee"), 400, "bad_request");
                // A revoked laptop is told to wipe even when its app is too old to name a schema the server takes.
                assertRefused(sendWithSchema(server, endpoint[0], endpoint[1], revoked, payload, null), 401, "device_revoked");
                assertRefused(sendWithSchema(server, endpoint[0], endpoint[1], revoked, payload,
                        Integer.toString(Protocol.OLDEST_SUPPORTED_SCHEMA - 1)), 401, "device_revoked");
            }
            HttpResponse<String> wrongPassword = send(server, "POST", Protocol.ENROL, null, Json.mapper().writeValueAsString(
                    new EnrolRequest("sanne", "verkeerd", "AAAA-BBBB-CCCC", "laptop")));
            assertRefused(wrongPassword, 401, "wrong_credentials");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void theReleaseBeforeReadsTheAnswersItKnowsAndTheCurrentOneGetsTheEpochAndTheSocialMapsContacts(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(AREA);
            String token = enrol(store, server, "sanne", AREA.coaches().get(0).id());
            String body = Json.mapper().writeValueAsString(new PushRequest(List.of(agreement(AREA.caseloadOf(AREA.coaches().get(0).id()).get(0)))));
            String previous = Integer.toString(Protocol.EPOCH_SCHEMA - 1);

            // Release 0.1.0 (schema 1) reads answers strictly: a field it does not know would fail the whole sync.
            for (HttpResponse<String> old : List.of(sendWithSchema(server, "POST", Protocol.PUSH, token, body, previous),
                    sendWithSchema(server, "GET", Protocol.PULL + "?after=0&limit=10", token, null, previous))) {
                assertThat(old.statusCode()).isEqualTo(200);
                assertThat(Json.mapper().readTree(old.body()).has("server_epoch")).isFalse();
            }
            // Nor does it know a sociale-kaart entry's phone and website (the upgrade test met exactly this).
            com.fasterxml.jackson.databind.JsonNode oldReference = Json.mapper().readTree(
                    sendWithSchema(server, "GET", Protocol.REFERENCE, token, null, previous).body());
            assertThat(oldReference.path("social_map").size()).isPositive();
            assertThat(oldReference.path("social_map")).allSatisfy(e -> assertThat(e.has("phone") || e.has("website")).isFalse());
            com.fasterxml.jackson.databind.JsonNode reference = Json.mapper().readTree(send(server, "GET", Protocol.REFERENCE, token, null).body());
            assertThat(reference.path("social_map")).anySatisfy(e -> assertThat(e.path("phone").isTextual()).isTrue());
            PushResponse pushed = Json.mapper().readValue(send(server, "POST", Protocol.PUSH, token, body).body(), PushResponse.class);
            PullPage page = Json.mapper().readValue(send(server, "GET", Protocol.PULL + "?after=0&limit=10", token, null).body(),
                    PullPage.class);
            assertThat(pushed.serverEpoch()).isEqualTo(store.epoch()).isNotBlank();
            assertThat(page.serverEpoch()).isEqualTo(store.epoch());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void badInputGetsAClearFourHundredAndNothingIsStored(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(AREA);
            String token = enrol(store, server, "sanne", AREA.coaches().get(0).id());
            long before = store.pull(AREA.coaches().get(0).id(), 0, 100_000).changes().size();

            assertRefused(send(server, "POST", Protocol.PUSH, token, "{\"changes\": [ {\"change_id\": "), 400, "bad_request");
            assertRefused(send(server, "POST", Protocol.PUSH, token, "{\"changes\": 12}"), 400, "bad_request");
            assertRefused(send(server, "POST", Protocol.PUSH, token, "null"), 400, "bad_request");
            assertRefused(send(server, "POST", Protocol.PUSH, token, "{\"changes\": [], \"cursor\": -1}"), 400, "bad_request");
            assertRefused(send(server, "POST", Protocol.ENROL, null, "null"), 400, "bad_request");
            assertRefused(send(server, "POST", Protocol.PUSH, token, "{\"changes\": [{\"change_id\": \"not-a-uuid\"}]}"), 400, "bad_request");
            assertRefused(send(server, "GET", Protocol.PULL + "?after=abc", token, null), 400, "bad_request");
            assertRefused(send(server, "GET", Protocol.PULL + "?after=0&limit=0", token, null), 400, "bad_request");
            String huge = "{\"changes\": [], \"x\": \"" + "a".repeat((int) SyncServer.MAX_BODY_BYTES) + "\"}";
            HttpResponse<String> tooLarge = send(server, "POST", Protocol.PUSH, token, huge);
            assertThat(tooLarge.statusCode()).isEqualTo(413);

            assertThat(store.pull(AREA.coaches().get(0).id(), 0, 100_000).changes()).hasSize((int) before);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void anotherCoachsResidentIsNeitherChangedNorShownAndOddTextIsStoredLiterally(StoreKind kind, TestStores stores)
            throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(AREA);
            UUID sanne = AREA.coaches().get(0).id();
            UUID femke = AREA.coaches().get(1).id();
            String token = enrol(store, server, "sanne", sanne);
            Resident own = AREA.caseloadOf(sanne).get(0);
            Resident someoneElses = AREA.caseloadOf(femke).get(0);
            Change foreign = agreement(someoneElses);
            ObjectNode impossibleDate = (ObjectNode) agreement(own).body();
            impossibleDate.put("due_date", "2026-02-30");
            ObjectNode unknownStatus = (ObjectNode) agreement(own).body();
            unknownStatus.put("status", "half_done");
            Change literal = agreement(own);
            String sqlLooking = "Robert'); DROP TABLE resident;-- \u00e9\u00e8 <script>";
            ((ObjectNode) literal.body()).put("description", sqlLooking);
            List<Change> changes = List.of(foreign, asChange(impossibleDate), asChange(unknownStatus), literal);

            HttpResponse<String> pushed = send(server, "POST", Protocol.PUSH, token,
                    Json.mapper().writeValueAsString(new PushRequest(changes)));

            assertThat(pushed.statusCode()).isEqualTo(200);
            assertThat(Json.mapper().readValue(pushed.body(), PushResponse.class).results())
                    .extracting(r -> r.reason()).containsExactly("not_in_scope", "invalid_body", "invalid_body", null);
            HttpResponse<String> pulled = send(server, "GET", Protocol.PULL + "?after=0&limit=5000", token, null);
            assertThat(pulled.body()).doesNotContain(someoneElses.id().toString()).doesNotContain(someoneElses.surname());
            List<JsonNode> mine = new java.util.ArrayList<>();
            long after = 0;
            PullPage page;
            do {
                page = Json.mapper().readValue(send(server, "GET", Protocol.PULL + "?after=" + after + "&limit=5000", token, null)
                        .body(), PullPage.class);
                page.changes().forEach(c -> mine.add(c.body()));
                after = page.nextCursor();
            } while (page.hasMore());
            assertThat(mine).filteredOn(b -> b != null && b.path("id").asText().equals(literal.recordId().toString()))
                    .singleElement().satisfies(b -> assertThat(b.get("description").asText()).isEqualTo(sqlLooking));
            assertThat(store.pull(femke, 0, 100_000).changes()).noneMatch(c -> c.recordId().equals(foreign.recordId()));
            assertThat(store.countResidents()).isEqualTo(AREA.residents().size());
        }
    }

    private static Change asChange(ObjectNode body) {
        return new Change(UUID.randomUUID(), "agreement", UUID.fromString(body.get("id").asText()),
                UUID.fromString(body.get("resident_id").asText()), false, body);
    }

    private static String enrol(ServerStore store, SyncServer server, String user, UUID coach) throws Exception {
        return new TestClient(server).enrol(store, CLOCK, user, coach);
    }

    private static Change agreement(Resident resident) {
        Agreement a = new Agreement(UUID.randomUUID(), resident.id(), UUID.randomUUID(), "Vrijwilligerswerk opzoeken",
                AgreementOwner.COACH, null, TODAY.plusWeeks(2), AgreementStatus.OPEN, null, null);
        return new Change(UUID.randomUUID(), "agreement", a.id(), resident.id(), false, Json.mapper().valueToTree(a));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String error) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (error != null) {
            JsonNode body = Json.mapper().readTree(response.body());
            assertThat(body.get("error").asText()).isEqualTo(error);
            assertThat(body.get("message").asText()).isNotBlank();
            assertThat(body.has("changes")).isFalse();
        }
    }

    private static HttpResponse<String> send(SyncServer server, String method, String path, String token, String body)
            throws Exception {
        return new TestClient(server).send(method, path, token, body);
    }

    private static HttpResponse<String> sendWithSchema(SyncServer server, String method, String path, String token,
                                                       String body, String schema) throws Exception {
        return new TestClient(server).sendWithSchema(method, path, token, body, schema);
    }
}
