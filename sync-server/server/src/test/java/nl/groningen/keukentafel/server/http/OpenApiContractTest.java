package nl.groningen.keukentafel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.OpenApi;
import nl.groningen.keukentafel.contract.office.OfficeApi;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written openapi.json against the code, so the two cannot drift apart: every documented
 * operation is served and answers one of its documented statuses; every route served is
 * documented; and every schema has exactly the JSON properties (or enum values) that Jackson writes
 * for the record named in its {@code x-java-class}.
 */
@ExtendWith(TestStores.class)
class OpenApiContractTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** What each operation's own example is answered with; 200 unless said here (the example password is wrong). */
    private static final Map<String, Integer> EXAMPLE_ANSWERS = Map.of("POST /api/v1/enrol", 401,
            "POST " + OfficeApi.SESSION, 401,
            "POST " + OfficeApi.ASSIGNMENTS, 404, // the example's coach and residents are not in the test's store
            "POST " + OfficeApi.REVOKE, 404, // nor its device
            "POST " + OfficeApi.COACHES, 201,
            "POST " + OfficeApi.USERS, 201,
            "POST " + OfficeApi.ENROLMENT_CODES, 201,
            "GET " + OfficeApi.RESIDENT_ACCESS, 404, // nor its resident
            "GET " + OfficeApi.RESIDENT_ERASURE, 404,
            "POST " + OfficeApi.RESIDENT_ERASURE, 403); // the test's office user is no admin

    private final JsonNode document = read(OpenApi.document());

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void everyDocumentedOperationIsServedAndAnswersADocumentedStatus(StoreKind kind, TestStores stores) throws Exception {
        List<String> problems = new ArrayList<>();
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            Coach coach = new Coach(UUID.randomUUID(), "Coach Test", "Centrum");
            store.importDataset(new Dataset(List.of(coach), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of()));
            TestClient client = new TestClient(server);
            String token = client.enrol(store, CLOCK, "sanne", coach.id());
            TestClient.OfficeLogin office = client.enrolOffice(store, CLOCK, "kantoor", Role.OFFICE);

            HttpResponse<String> served = client.get("/openapi.json");
            assertThat(read(served.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(document);

            Set<String> documented = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!METHODS.contains(op.getKey())) {
                        continue;
                    }
                    String method = op.getKey().toUpperCase(Locale.ROOT);
                    documented.add(method + " " + path.getKey());
                    HttpResponse<String> response = representativeRequest(client, token, office, method, path.getKey(),
                            op.getValue());
                    String what = method + " " + path.getKey() + " answered " + response.statusCode() + " " + response.body();
                    JsonNode answer = op.getValue().path("responses").path(Integer.toString(response.statusCode()));
                    String error = response.statusCode() >= 400 ? read(response.body().getBytes(StandardCharsets.UTF_8))
                            .path("error").asText() : "";
                    if (error.equals("not_found") || error.equals("method_not_allowed")) {
                        problems.add(what + ": documented, but not served");
                    } else if (answer.isMissingNode()) {
                        problems.add(what + ": that status is not documented for it");
                    } else if (response.statusCode() != EXAMPLE_ANSWERS.getOrDefault(method + " " + path.getKey(), 200)) {
                        problems.add(what + ": its example should be answered "
                                + EXAMPLE_ANSWERS.getOrDefault(method + " " + path.getKey(), 200));
                    } else {
                        problems.addAll(bodyProblems(what, resolve(answer), response.body()));
                    }
                }
            }
            for (String route : server.routes()) {
                if (!documented.contains(route)) {
                    problems.add(route + ": served, but not in openapi.json");
                }
            }
        }
        assertThat(problems).as("openapi.json against the running server").isEmpty();
    }

    @Test
    void everySchemaHasExactlyThePropertiesJacksonWritesForItsRecord() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> schemas = document.path("components").path("schemas").fields(); schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            String className = schema.getValue().path("x-java-class").asText(null);
            if (className == null) {
                problems.add("schema " + schema.getKey() + " names no x-java-class");
                continue;
            }
            Class<?> type = Class.forName(className);
            Set<String> inCode;
            Set<String> inDocument;
            if (schema.getValue().has("enum")) {
                inCode = values(type, schema.getValue().path("x-java-values").asText(null));
                inDocument = texts(schema.getValue().path("enum"));
            } else {
                inCode = jsonProperties(type);
                inDocument = new TreeSet<>();
                schema.getValue().path("properties").fieldNames().forEachRemaining(inDocument::add);
            }
            List<String> drift = new ArrayList<>();
            if (!difference(inCode, inDocument).isEmpty()) {
                drift.add("in the code but missing from openapi.json: " + difference(inCode, inDocument));
            }
            if (!difference(inDocument, inCode).isEmpty()) {
                drift.add("in openapi.json but not in the code: " + difference(inDocument, inCode));
            }
            if (!drift.isEmpty()) {
                problems.add("schema " + schema.getKey() + " (" + className + "): " + String.join("; ", drift));
            }
        }
        assertThat(problems).as("openapi.json's schemas against the contract records").isEmpty();
    }

    /**
     * The operation's own example: path and query parameters, the schema header, the device token
     * (an office PC's with its session for the office API), the request body (JSON or CSV).
     */
    private HttpResponse<String> representativeRequest(TestClient client, String token, TestClient.OfficeLogin office, String method,
                                                       String path, JsonNode op) throws Exception {
        StringBuilder query = new StringBuilder();
        String filled = path;
        for (JsonNode parameter : op.path("parameters")) {
            JsonNode p = resolve(parameter);
            if (p.path("in").asText().equals("query") && p.has("example")) {
                query.append(query.length() == 0 ? '?' : '&').append(p.path("name").asText()).append('=').append(p.path("example").asText());
            } else if (p.path("in").asText().equals("path")) {
                filled = filled.replace("{" + p.path("name").asText() + "}", p.path("example").asText());
            }
        }
        JsonNode json = op.path("requestBody").path("content").path("application/json").path("example");
        JsonNode csv = op.path("requestBody").path("content").path(OfficeApi.CSV).path("example");
        String body = !json.isMissingNode() ? json.toString() : !csv.isMissingNode() ? csv.asText() : null;
        boolean secured = op.has("security");
        if (path.startsWith(OfficeApi.PREFIX + "/")) {
            return client.send(method, filled + query, csv.isMissingNode() ? null : OfficeApi.CSV, body, office.token(), office.session());
        }
        return client.send(method, filled + query, secured ? token : null, body);
    }

    /** A JSON answer's top-level properties must all be in the documented schema. */
    private List<String> bodyProblems(String what, JsonNode answer, String body) {
        JsonNode schemaRef = answer.path("content").path("application/json").path("schema");
        if (!schemaRef.has("$ref")) {
            return List.of();
        }
        JsonNode schema = resolve(schemaRef);
        Set<String> documented = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(documented::add);
        Set<String> answered = new TreeSet<>();
        read(body.getBytes(StandardCharsets.UTF_8)).fieldNames().forEachRemaining(answered::add);
        return documented.containsAll(answered) ? List.of()
                : List.of(what + ": properties not in " + schemaRef.path("$ref").asText() + ": " + difference(answered, documented));
    }

    private JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = document;
        for (String part : node.path("$ref").asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    /** The JSON property names Jackson writes for a record, as the wire has them. */
    private static Set<String> jsonProperties(Class<?> type) {
        BeanDescription description = Json.mapper().getSerializationConfig().introspect(Json.mapper().constructType(type));
        return description.findProperties().stream().map(BeanPropertyDefinition::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The static set named by the schema's {@code x-java-values} (a part of an enum's values), else an
     * enum's values as Jackson writes them, or a constants class's {@code ALL} set.
     */
    private static Set<String> values(Class<?> type, String field) throws ReflectiveOperationException {
        if (field != null) {
            return ((Collection<?>) type.getField(field).get(null)).stream().map(String::valueOf)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).map(c -> Json.mapper().convertValue(c, String.class))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Field all = type.getField("ALL");
        if (!Modifier.isStatic(all.getModifiers())) {
            throw new IllegalStateException(type + " has no static ALL");
        }
        return ((Collection<?>) all.get(null)).stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static JsonNode read(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
