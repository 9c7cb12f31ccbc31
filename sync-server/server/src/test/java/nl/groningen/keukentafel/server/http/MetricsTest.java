package nl.groningen.keukentafel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

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
import nl.groningen.keukentafel.contract.sync.Protocol;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** GET /metrics: what an operator's Prometheus scrapes, and that no label carries an id or a name. */
@ExtendWith(TestStores.class)
class MetricsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private static final Dataset AREA = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.AREA);

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void metricsCountRequestsPushesPullsAndEnrolmentsWithoutIdsOrNames(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(AREA);
            TestClient client = new TestClient(server);
            UUID coach = AREA.coaches().get(0).id();
            String token = client.enrol(store, CLOCK, "sanne", coach);
            Resident own = AREA.caseloadOf(coach).get(0);
            Resident other = AREA.caseloadOf(AREA.coaches().get(1).id()).get(0);

            client.send("POST", Protocol.PUSH, token, Json.mapper().writeValueAsString(
                    new PushRequest(List.of(agreement(own), agreement(other)))));
            client.send("GET", Protocol.PULL + "?after=0&limit=100", token, null);
            client.get("/residents/" + own.clientNumber() + "?name=" + own.surname());
            // A request is counted once its answer is written, so the last one may need a moment to show.
            HttpResponse<String> metrics = client.get("/metrics");
            for (int i = 0; i < 50 && !metrics.body().contains("endpoint=\"unmatched\""); i++) {
                Thread.sleep(100);
                metrics = client.get("/metrics");
            }

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            String text = metrics.body();
            assertThat(text).contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads", "process_uptime_seconds",
                    "process_cpu_usage");
            assertThat(text).contains(
                    "http_server_requests_seconds_count{endpoint=\"/api/v1/sync/push\",method=\"POST\",status=\"200\"} 1",
                    "http_server_requests_seconds_count{endpoint=\"/api/v1/sync/pull\",method=\"GET\",status=\"200\"} 1",
                    "http_server_requests_seconds_count{endpoint=\"/api/v1/enrol\",method=\"POST\",status=\"200\"} 1",
                    "http_server_requests_seconds_count{endpoint=\"unmatched\",method=\"GET\",status=\"404\"} 1",
                    "http_server_requests_seconds_bucket{endpoint=\"/api/v1/sync/push\",method=\"POST\",status=\"200\",le=\"0.1\"}",
                    "keukentafel_sync_pushed_changes_total{status=\"applied\"} 1",
                    "keukentafel_sync_pushed_changes_total{status=\"rejected\"} 1",
                    "keukentafel_sync_refused_changes_total{reason=\"not_in_scope\"} 1",
                    "keukentafel_sync_pulls_total 1",
                    "keukentafel_enrolments_total{outcome=\"enrolled\"} 1");
            assertThat(text).doesNotContain(own.clientNumber(), own.surname(), coach.toString(), own.id().toString(), token);
            store.accounts().devices().forEach(device -> assertThat(text).doesNotContain(device.id().toString()));
        }
    }

    private static Change agreement(Resident resident) {
        Agreement a = new Agreement(UUID.randomUUID(), resident.id(), UUID.randomUUID(), "Vrijwilligerswerk opzoeken",
                AgreementOwner.COACH, null, TODAY.plusWeeks(2), AgreementStatus.OPEN, null, null);
        return new Change(UUID.randomUUID(), "agreement", a.id(), resident.id(), false, Json.mapper().valueToTree(a));
    }
}
