package nl.groningen.keukentafel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.sync.EnrolRequest;
import nl.groningen.keukentafel.contract.sync.EnrolResponse;
import nl.groningen.keukentafel.contract.sync.Protocol;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.storage.ServerStore;

/** A laptop's side of the wire for tests: enrols a coach user and sends requests with its token and schema header. */
public final class TestClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final SyncServer server;

    public TestClient(SyncServer server) {
        this.server = server;
    }

    /** Makes a coach user with a code, enrols over HTTP, and returns the device token. */
    public String enrol(ServerStore store, Clock clock, String user, UUID coach) throws Exception {
        store.accounts().createUser(user, Role.COACH, coach, "wachtwoord".toCharArray());
        String code = store.accounts().createEnrolmentCode(user, Duration.ofDays(1), clock.instant());
        HttpResponse<String> response = send("POST", Protocol.ENROL, null,
                Json.mapper().writeValueAsString(new EnrolRequest(user, "wachtwoord", code, "Laptop")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readValue(response.body(), EnrolResponse.class).token();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    /** A request with the current schema header, and the token when not null. */
    public HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return sendWithSchema(method, path, token, body, Integer.toString(Protocol.SCHEMA_VERSION));
    }

    /** A request as an app of another schema sends it ({@code schema} null: no schema header at all). */
    public HttpResponse<String> sendWithSchema(String method, String path, String token, String body, String schema)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (schema != null) {
            request.header(Protocol.SCHEMA_HEADER, schema);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
