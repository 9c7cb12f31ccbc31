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
import nl.groningen.keukentafel.contract.office.OfficeApi;
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

    /** Makes an office (or admin) user with a code, enrols an office PC over HTTP, logs in with the password: token and session. */
    public OfficeLogin enrolOffice(ServerStore store, Clock clock, String user, Role role) throws Exception {
        store.accounts().createUser(user, role, null, "wachtwoord".toCharArray());
        String code = store.accounts().createEnrolmentCode(user, Duration.ofDays(1), clock.instant());
        HttpResponse<String> response = send("POST", Protocol.ENROL, null,
                Json.mapper().writeValueAsString(new EnrolRequest(user, "wachtwoord", code, "Kantoor-pc")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = Json.mapper().readValue(response.body(), EnrolResponse.class).token();
        HttpResponse<String> login = send("POST", OfficeApi.SESSION, null, "{\"password\": \"wachtwoord\"}", token, null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return new OfficeLogin(token, Json.mapper().readTree(login.body()).path("session").asText());
    }

    /** An office PC's device token and its open office session. */
    public record OfficeLogin(String token, String session) {
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    /** A request with the current schema header, and the token when not null. */
    public HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return sendWithSchema(method, path, token, body, Integer.toString(Protocol.SCHEMA_VERSION));
    }

    /**
     * A request with the current schema header, an office PC's token and session (either null: not
     * sent), and the body in the content type (null: JSON).
     */
    public HttpResponse<String> send(String method, String path, String contentType, String body, String token, String session)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType == null ? "application/json" : contentType)
                .header(Protocol.SCHEMA_HEADER, Integer.toString(Protocol.SCHEMA_VERSION));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            request.header(OfficeApi.SESSION_HEADER, session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
