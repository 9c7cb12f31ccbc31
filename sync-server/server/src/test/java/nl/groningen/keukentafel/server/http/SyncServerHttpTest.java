package nl.groningen.keukentafel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The server over real HTTP on a free loopback port, on both databases. */
@ExtendWith(TestStores.class)
class SyncServerHttpTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void healthReportsTheStoreAndItsSchemaVersion(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, java.time.Clock.systemUTC()).start("127.0.0.1", 0)) {
            HttpResponse<String> response = get(server, "/health");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            JsonNode body = Json.mapper().readTree(response.body());
            assertThat(body.get("status").asText()).isEqualTo("ok");
            assertThat(body.get("store").asText()).isEqualTo(kind.label());
            assertThat(body.get("schema_version").asText()).isEqualTo(TestStores.latestMigration());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void anUnknownPathIsAJson404(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, java.time.Clock.systemUTC()).start("127.0.0.1", 0)) {
            HttpResponse<String> response = get(server, "/residents");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(Json.mapper().readTree(response.body()).get("error").asText()).isEqualTo("not_found");
        }
    }

    private HttpResponse<String> get(SyncServer server, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
