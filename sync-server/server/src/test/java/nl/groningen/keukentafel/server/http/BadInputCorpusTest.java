package nl.groningen.keukentafel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.office.OfficeApi;
import nl.groningen.keukentafel.contract.sync.Protocol;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.server.domain.DeviceInfo;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of bad requests against every endpoint the server's own /openapi.json names (so a new
 * endpoint is covered without touching this test), over real HTTP and raw sockets: none may be
 * answered with a 5xx, and every refusal is the sync API's JSON error shape.
 */
@ExtendWith(TestStores.class)
class BadInputCorpusTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final String SCHEMA = Integer.toString(Protocol.SCHEMA_VERSION);
    private static final String CHANGE_ID = "6f1c2d0e-2b1a-4c55-9a43-1d2f3e4a5b6c";

    private final HttpClient http = HttpClient.newHttpClient();
    /** "METHOD /path" of the operations that take a body (a POST without one takes any content type). */
    private final Set<String> withBody = new java.util.TreeSet<>();
    /** The office PC's session, sent with its token on office paths. */
    private String officeSession;

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void noBadRequestToAnyDocumentedEndpointIsAnsweredWithA5xxOrAnythingButTheJsonErrorShape(StoreKind kind, TestStores stores)
            throws Exception {
        List<String> problems = new ArrayList<>();
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            Tokens tokens = enrolled(store, server);
            Map<String, Set<String>> endpoints = endpoints(new TestClient(server));
            assertThat(endpoints).as("paths read from /openapi.json").containsKeys(Protocol.ENROL, Protocol.PUSH, Protocol.PULL);

            for (Map.Entry<String, Set<String>> endpoint : endpoints.entrySet()) {
                // The office API is reached with an office PC's token (a coach's gets 403 before anything is read).
                boolean office = endpoint.getKey().startsWith(OfficeApi.PREFIX + "/");
                String good = office ? tokens.office : tokens.good;
                String path = endpoint.getKey().replace("{id}", UUID.randomUUID().toString());
                for (String method : METHODS) {
                    if (!endpoint.getValue().contains(method)) {
                        check(problems, "wrong method", send(server, method, path, good, SCHEMA, "application/json", "{}"), null);
                    }
                }
                for (String method : endpoint.getValue()) {
                    String expectedForPlainText = withBody.contains(method + " " + endpoint.getKey()) ? "415" : null;
                    for (Map.Entry<String, String> body : bodies().entrySet()) {
                        Answer answer;
                        try {
                            answer = send(server, method, path, good, SCHEMA, "application/json", body.getValue());
                        } catch (IOException e) {
                            if (!body.getKey().equals("huge")) {
                                throw e;
                            }
                            // An endpoint that answers without reading a huge body (a GET, a refusal) may have Jetty close
                            // the connection while the client still uploads, and the client then loses the answer: the
                            // server refused the body, which is allowed; a 5xx would have been answered, not cut off.
                            continue;
                        }
                        check(problems, "body " + body.getKey(), answer, null);
                    }
                    check(problems, "no body", send(server, method, path, good, SCHEMA, null, null), null);
                    check(problems, "wrong content type", send(server, method, path, good, SCHEMA, "text/plain", "{}"),
                            expectedForPlainText == null ? null : 415);
                    check(problems, "no schema header", send(server, method, path, good, null, "application/json", "{}"), null);
                    check(problems, "old schema header", send(server, method, path, good, "0", "application/json", "{}"), null);
                    check(problems, "future schema header", send(server, method, path, good, "99", "application/json", "{}"), null);
                    check(problems, "garbled schema header", send(server, method, path, good, "zwei", "application/json", "{}"),
                            path.startsWith("/api/v1/sync/") ? 400 : null);
                    check(problems, "no token", send(server, method, path, null, SCHEMA, "application/json", "{}"), null);
                    check(problems, "garbled token", send(server, method, path, "\u00e9\u00e9n-twee", SCHEMA, "application/json", "{}"), null);
                    check(problems, "revoked token", send(server, method, path, tokens.revoked, SCHEMA, "application/json", "{}"), null);
                    check(problems, "malformed chunked body", raw(server, method + " " + path + " HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Type: application/json\r\nAuthorization: Bearer " + good + "\r\n"
                            + Protocol.SCHEMA_HEADER + ": " + SCHEMA + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                            + "ZZ\r\n{\"changes\":[]}\r\n0\r\n\r\n"), null);
                }
            }
            for (Map.Entry<String, String> push : pushes().entrySet()) {
                check(problems, "push " + push.getKey(), send(server, "POST", Protocol.PUSH, tokens.good, SCHEMA, "application/json",
                        push.getValue()), push.getKey().startsWith("refused:") ? 400 : null);
            }
            check(problems, "pull with a negative cursor",
                    send(server, "GET", Protocol.PULL + "?after=-1", tokens.good, SCHEMA, null, null), 400);
            check(problems, "pull with a cursor that is no number",
                    send(server, "GET", Protocol.PULL + "?after=abc", tokens.good, SCHEMA, null, null), 400);

            String longUri = "/api/v1/sync/pull?after=" + "1".repeat(100_000);
            check(problems, "unknown path", raw(server, "GET /residents HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404);
            check(problems, "%00 in the path", raw(server, "GET /api/v1/sync/pull%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), null);
            check(problems, "bad path", raw(server, "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), null);
            check(problems, "encoded dot segments", raw(server, "GET /api/%2e%2e/%2e%2e/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), null);
            check(problems, "no path", raw(server, "GET nopath HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), null);
            check(problems, "over-long URI", raw(server, "GET " + longUri + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), null);
            check(problems, "over-long header", raw(server, "GET /health HTTP/1.1\r\nHost: x\r\nX-Long: " + "a".repeat(100_000)
                    + "\r\nConnection: close\r\n\r\n"), null);
            check(problems, "garbage request line", raw(server, "HELLO\r\n\r\n"), null);
        }
        assertThat(problems).as("bad requests answered with a 5xx or not in the JSON error shape").isEmpty();
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aRevokedLaptopIsToldToWipeEvenWhenItsAppIsTooOldOrSendsNoSchema(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            Tokens tokens = enrolled(store, server);
            for (String schema : new String[] {null, "0", Integer.toString(Protocol.OLDEST_SUPPORTED_SCHEMA), SCHEMA, "99", "zwei"}) {
                Answer answer = send(server, "GET", Protocol.PULL, tokens.revoked, schema, null, null);

                assertThat(answer.status).as("schema header %s", schema).isEqualTo(401);
                assertThat(Json.mapper().readTree(answer.body).path("error").asText()).as("schema header %s", schema)
                        .isEqualTo("device_revoked");
            }
            Answer notRevoked = send(server, "GET", Protocol.PULL, tokens.good, "0", null, null);
            assertThat(notRevoked.status).as("a laptop that is not revoked is still told to upgrade").isEqualTo(426);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aRejectedChangeSentAgainIsStillAnsweredWithoutASequenceNumber(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            Tokens tokens = enrolled(store, server);
            String push = "{\"changes\": [{\"change_id\": \"" + UUID.randomUUID() + "\", \"kind\": \"spaceship\", \"record_id\": \""
                    + UUID.randomUUID() + "\", \"resident_id\": \"" + UUID.randomUUID() + "\", \"deleted\": false, \"body\": {}}]}";
            for (String attempt : List.of("first", "again")) {
                Answer answer = send(server, "POST", Protocol.PUSH, tokens.good, SCHEMA, "application/json", push);
                JsonNode result = Json.mapper().readTree(answer.body).path("results").path(0);

                assertThat(result.path("status").asText()).as(attempt).isEqualTo("rejected");
                assertThat(result.path("seq").isNull()).as(attempt + ": seq in " + result).isTrue();
            }
        }
    }

    /** The bodies every endpoint is sent, by name. */
    private static Map<String, String> bodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("null", "null");
        bodies.put("[]", "[]");
        bodies.put("{}", "{}");
        bodies.put("a number", "42");
        bodies.put("a string", "\"hallo\"");
        bodies.put("invalid JSON", "{changes: nee}");
        bodies.put("truncated JSON", "{\"changes\": [{\"change_id\": \"" + CHANGE_ID);
        bodies.put("huge", "{\"changes\": [\"" + "x".repeat((int) SyncServer.MAX_BODY_BYTES) + "\"]}");
        bodies.put("fields of the wrong type", "{\"user_name\": 1, \"password\": [], \"code\": {}, \"changes\": 7, \"cursor\": \"x\"}");
        return bodies;
    }

    /** Field-level pushes; those named "refused:" must be answered 400, the others may be taken or refused, never 5xx. */
    private static Map<String, String> pushes() {
        Map<String, String> pushes = new LinkedHashMap<>();
        pushes.put("refused: changes null", "{\"changes\": null}");
        pushes.put("refused: no changes field", "{\"cursor\": 0}");
        pushes.put("refused: a negative cursor", "{\"changes\": [], \"cursor\": -1}");
        pushes.put("refused: a fractional cursor", "{\"changes\": [], \"cursor\": 1.5}");
        pushes.put("refused: a null change", "{\"changes\": [null]}");
        pushes.put("a change with null fields", "{\"changes\": [{\"change_id\": null, \"kind\": null, \"record_id\": null,"
                + " \"resident_id\": null, \"deleted\": null, \"body\": null}]}");
        pushes.put("an empty change", "{\"changes\": [{}]}");
        pushes.put("an unknown kind", "{\"changes\": [{\"change_id\": \"" + CHANGE_ID + "\", \"kind\": \"spaceship\", \"record_id\": \""
                + UUID.randomUUID() + "\", \"resident_id\": \"" + UUID.randomUUID() + "\", \"deleted\": false, \"body\": {}}]}");
        pushes.put("a body that is no record", "{\"changes\": [{\"change_id\": \"" + UUID.randomUUID() + "\", \"kind\": \"agreement\","
                + " \"record_id\": \"" + UUID.randomUUID() + "\", \"resident_id\": \"" + UUID.randomUUID() + "\", \"deleted\": false,"
                + " \"body\": 12}]}");
        pushes.put("an id that is no UUID", "{\"changes\": [{\"change_id\": \"nee\"}]}");
        return pushes;
    }

    /** A 5xx, a refusal that is not the JSON error shape, or (when one is expected) another status, is a problem. */
    private static void check(List<String> problems, String what, Answer answer, Integer expected) {
        String seen = what + " " + answer.request + " answered " + answer.status + " " + answer.contentType + " "
                + abbreviate(answer.body);
        if (answer.status >= 500 || answer.status < 100) {
            problems.add(seen + ": a server error for bad input");
            return;
        }
        if (expected != null && answer.status != expected) {
            problems.add(seen + ": expected " + expected);
        }
        if (answer.status < 400) {
            return;
        }
        if (answer.contentType == null || !answer.contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            problems.add(seen + ": a refusal that is not application/json");
            return;
        }
        try {
            JsonNode body = Json.mapper().readTree(answer.body);
            if (body == null || !body.path("error").isTextual() || !body.path("message").isTextual() || body.size() != 2) {
                problems.add(seen + ": not the error shape {error, message}");
            } else if (answer.body.contains("Exception") || answer.body.contains("org.eclipse") || answer.body.contains("io.javalin")) {
                problems.add(seen + ": shows the server's insides");
            }
        } catch (IOException e) {
            problems.add(seen + ": not JSON");
        }
    }

    private record Tokens(String good, String revoked, String office) {
    }

    private Tokens enrolled(ServerStore store, SyncServer server) throws Exception {
        Coach coach = new Coach(UUID.randomUUID(), "Coach Test", "Centrum");
        store.importDataset(new Dataset(List.of(coach), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of()));
        TestClient client = new TestClient(server);
        String good = client.enrol(store, CLOCK, "sanne", coach.id());
        String revoked = client.enrol(store, CLOCK, "piet", coach.id());
        DeviceInfo device = store.accounts().devices().stream().filter(d -> d.userName().equals("piet")).findFirst().orElseThrow();
        store.accounts().revoke(device.id(), CLOCK.instant());
        TestClient.OfficeLogin office = client.enrolOffice(store, CLOCK, "kantoor", Role.OFFICE);
        officeSession = office.session();
        return new Tokens(good, revoked, office.token());
    }

    /** Each path in the served /openapi.json with its documented methods. */
    private Map<String, Set<String>> endpoints(TestClient client) throws Exception {
        JsonNode document = Json.mapper().readTree(client.get("/openapi.json").body());
        Map<String, Set<String>> endpoints = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            Set<String> methods = new java.util.TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(name -> {
                if (METHODS.contains(name.toUpperCase(Locale.ROOT))) {
                    methods.add(name.toUpperCase(Locale.ROOT));
                    if (path.getValue().path(name).has("requestBody")) {
                        withBody.add(name.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }
            });
            endpoints.put(path.getKey(), methods);
        }
        return endpoints;
    }

    private record Answer(String request, int status, String contentType, String body) {
    }

    private Answer send(SyncServer server, String method, String path, String token, String schema, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (schema != null) {
            request.header(Protocol.SCHEMA_HEADER, schema);
        }
        if (officeSession != null && path.startsWith(OfficeApi.PREFIX + "/")) {
            request.header(OfficeApi.SESSION_HEADER, officeSession);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException(method + " " + path + " (" + (body == null ? 0 : body.length()) + " chars): " + e.getMessage(), e);
        }
        return new Answer(method + " " + path, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    /** Sends bytes as they are, past any client's checks, and reads the answer until the server closes. */
    static Answer raw(SyncServer server, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before it read everything (an over-long header): read its answer
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                in.transferTo(bytes);
            } catch (IOException e) {
                // a reset after the answer: keep what came
            }
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            String line = request.substring(0, Math.min(60, request.indexOf('\r') < 0 ? request.length() : request.indexOf('\r')));
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || end < 0) {
                return new Answer("raw " + line, 0, null, text);
            }
            int status = Integer.parseInt(text.substring(9, 12));
            String head = text.substring(0, end);
            String body = text.substring(end + 4);
            String contentType = null;
            boolean chunked = false;
            for (String header : head.split("\r\n")) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = header.substring(13).trim();
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            return new Answer("raw " + line, status, contentType, chunked ? dechunk(body) : body);
        }
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return out.toString();
            }
            int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
