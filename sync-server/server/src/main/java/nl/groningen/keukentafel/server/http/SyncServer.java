package nl.groningen.keukentafel.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.community.ssl.SslPlugin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.OpenApi;
import nl.groningen.keukentafel.contract.office.OfficeApi;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.EnrolRequest;
import nl.groningen.keukentafel.contract.sync.EnrolResponse;
import nl.groningen.keukentafel.contract.sync.ErrorResponse;
import nl.groningen.keukentafel.contract.sync.Protocol;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.server.domain.Actor;
import nl.groningen.keukentafel.server.domain.DeviceSession;
import nl.groningen.keukentafel.server.domain.Enrolment;
import nl.groningen.keukentafel.server.domain.Health;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.storage.Accounts;
import nl.groningen.keukentafel.server.storage.ServerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the sync server. Holds no state of its own: everything lives in the store, so
 * a second instance on the same PostgreSQL serves the same answers. Every sync request is checked
 * for the app's schema version, a device token that is not revoked, and the coach's scope.
 */
public final class SyncServer implements AutoCloseable {

    /** Larger bodies are refused (413) before they are read. */
    public static final long MAX_BODY_BYTES = 8L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SyncServer.class);
    private static final String SESSION = "keukentafel.session";
    private static final String SCHEMA = "keukentafel.schema";
    /** Set when a handler answered with its own error, which the server's status error pages must leave as it is. */
    private static final String REFUSED = "keukentafel.refused";

    /** How long {@link #close()} waits for requests in flight before it stops them. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private final ServerStore store;
    private final Accounts accounts;
    private final Clock clock;
    private final TlsSettings tls;
    private final Duration shutdownGrace;
    private final Consumer<Javalin> extraRoutes;
    /** Written while starting, read by every request (to name its endpoint in logs and metrics). */
    private final List<String> routes = new CopyOnWriteArrayList<>();
    private final SyncMetrics metrics = new SyncMetrics();
    private Javalin javalin;

    /** A plain-HTTP server (for loopback and tests) that waits {@link #DEFAULT_SHUTDOWN_GRACE} on close. */
    public SyncServer(ServerStore store, Clock clock) {
        this(store, clock, null, DEFAULT_SHUTDOWN_GRACE);
    }

    /**
     * @param tls           the certificate to serve HTTPS with; null for plain HTTP
     * @param shutdownGrace how long {@link #close()} lets requests in flight finish
     */
    public SyncServer(ServerStore store, Clock clock, TlsSettings tls, Duration shutdownGrace) {
        this(store, clock, tls, shutdownGrace, app -> { });
    }

    /** As the public constructor, with routes a test adds (a handler that takes its time). */
    SyncServer(ServerStore store, Clock clock, TlsSettings tls, Duration shutdownGrace, Consumer<Javalin> extraRoutes) {
        this.store = store;
        this.accounts = store.accounts();
        this.clock = clock;
        this.tls = tls;
        this.shutdownGrace = shutdownGrace;
        this.extraRoutes = extraRoutes;
    }

    /** Starts listening on the address and port (0 picks a free port), with TLS when a certificate was given. */
    public synchronized SyncServer start(String host, int port) {
        if (javalin != null) {
            throw new IllegalStateException("The server is already started");
        }
        javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            // Jetty's graceful stop: stop accepting, let requests in flight finish (up to the grace), then stop.
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(shutdownGrace.toMillis());
                server.setErrorHandler(new JsonErrorHandler());
            });
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler()));
            config.http.prefer405over404 = true;
            config.requestLogger.http((ctx, millis) -> {
                String endpoint = endpointOf(ctx);
                metrics.request(ctx.method().name(), endpoint, ctx.statusCode(), Math.round(millis));
                RequestLog.log(ctx, endpoint, millis);
            });
            if (tls != null) {
                config.registerPlugin(new SslPlugin(ssl -> {
                    ssl.insecure = false;
                    ssl.secure = true;
                    ssl.host = host;
                    ssl.securePort = port;
                    ssl.http2 = false;
                    if (tls.isPem()) {
                        ssl.pemFromPath(tls.certificate().toString(), tls.privateKey().toString(), tls.password());
                    } else {
                        ssl.keystoreFromPath(tls.keystore().toString(), tls.password());
                    }
                }));
            }
        });
        route(HandlerType.GET, "/health", ctx -> ctx.json(new Health("ok", store.kind().label(), store.schemaVersion())));
        route(HandlerType.POST, Protocol.ENROL, this::enrol);
        javalin.before("/api/v1/sync/*", this::checkDevice);
        route(HandlerType.POST, Protocol.PUSH, this::push);
        route(HandlerType.GET, Protocol.PULL, this::pull);
        route(HandlerType.GET, Protocol.REFERENCE, this::reference);
        OfficeEndpoints office = new OfficeEndpoints(store, clock);
        javalin.before(OfficeApi.PREFIX + "/*", office::check);
        route(HandlerType.POST, OfficeApi.SESSION, office::login);
        route(HandlerType.POST, OfficeApi.IMPORT_PREVIEW, office::preview);
        route(HandlerType.POST, OfficeApi.IMPORT, office::importCaseload);
        route(HandlerType.GET, OfficeApi.COACHES, office::coaches);
        route(HandlerType.POST, OfficeApi.COACHES, office::addCoach);
        route(HandlerType.GET, OfficeApi.RESIDENTS, office::residents);
        route(HandlerType.GET, OfficeApi.RESIDENT_AUDIT, office::audit);
        route(HandlerType.GET, OfficeApi.RESIDENT_ACCESS, office::access);
        route(HandlerType.GET, OfficeApi.RESIDENT_ERASURE, office::erasureSummary);
        route(HandlerType.POST, OfficeApi.RESIDENT_ERASURE, office::erase);
        route(HandlerType.POST, OfficeApi.ASSIGNMENTS, office::assign);
        route(HandlerType.GET, OfficeApi.DEVICES, office::devices);
        route(HandlerType.POST, OfficeApi.REVOKE, office::revoke);
        route(HandlerType.POST, OfficeApi.USERS, office::createUser);
        route(HandlerType.POST, OfficeApi.ENROLMENT_CODES, office::enrolmentCode);
        route(HandlerType.GET, OfficeApi.REPORTS, office::report);
        route(HandlerType.GET, "/metrics", ctx -> ctx.contentType(SyncMetrics.CONTENT_TYPE).result(metrics.scrape()));
        byte[] openApi = OpenApi.document();
        route(HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        extraRoutes.accept(javalin);
        javalin.exception(JsonProcessingException.class, (e, ctx) ->
                refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "The request is not valid JSON of the expected shape."));
        javalin.exception(NumberFormatException.class, (e, ctx) ->
                refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "A number in the request could not be read."));
        javalin.exception(Exception.class, (e, ctx) -> {
            LOG.error("event=request_failed endpoint={}", endpointOf(ctx), e);
            refuse(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "server_error", "The server could not do this; nothing was half-stored.");
        });
        for (HttpStatus status : List.of(HttpStatus.NOT_FOUND, HttpStatus.METHOD_NOT_ALLOWED, HttpStatus.CONTENT_TOO_LARGE)) {
            javalin.error(status, ctx -> {
                if (ctx.attribute(REFUSED) == null) { // not one of ours, such as the office's unknown_device
                    ctx.json(JsonErrorHandler.forStatus(status.getCode()));
                }
            });
        }
        if (tls != null) {
            javalin.start();
        } else {
            javalin.start(host, port);
        }
        return this;
    }

    /** The port listened on (the free one picked when started with 0). */
    public int port() {
        return javalin.port();
    }

    /** "https" with a certificate, else "http". */
    public String scheme() {
        return tls != null ? "https" : "http";
    }

    /** The routes served, as "METHOD /path", in the order registered (the OpenAPI test holds them against the document). */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    /** The route a request matched, or "unmatched": never the raw path, which could hold anything a client typed. */
    private String endpointOf(Context ctx) {
        String matched;
        try {
            matched = ctx.endpointHandlerPath(); // the route as registered: "/devices/{id}/revoke", never the id
        } catch (RuntimeException e) {
            matched = ctx.path();
        }
        return routes.contains(ctx.method().name() + " " + matched) ? matched : "unmatched";
    }

    private void route(HandlerType method, String path, Handler handler) {
        javalin.addHttpHandler(method, path, handler);
        routes.add(method.name() + " " + path);
    }

    private void enrol(Context ctx) throws JsonProcessingException {
        JsonNode body = jsonObject(ctx);
        if (body == null) {
            return;
        }
        EnrolRequest request = Json.mapper().treeToValue(body, EnrolRequest.class);
        if (request.userName() == null || request.password() == null || request.code() == null) {
            metrics.enrolment("bad_request");
            refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "User name, password and enrolment code are all needed.");
            return;
        }
        Enrolment result = accounts.enrol(request.userName(), request.password().toCharArray(), request.code(),
                request.deviceName(), clock.instant());
        if (result instanceof Enrolment.Enrolled enrolled) {
            metrics.enrolment("enrolled");
            RequestLog.note(ctx, "device", enrolled.deviceId());
            LOG.info("event=device_enrolled device={}", enrolled.deviceId());
            ctx.json(new EnrolResponse(enrolled.deviceId(), enrolled.token(), enrolled.coachId()));
        } else if (result instanceof Enrolment.LockedOut locked) {
            metrics.enrolment("locked_out");
            ctx.header("Retry-After", Long.toString(Math.max(1, locked.until().getEpochSecond() - clock.instant().getEpochSecond())));
            refuse(ctx, HttpStatus.TOO_MANY_REQUESTS, "locked_out", "Too many wrong passwords; try again later.");
        } else if (result instanceof Enrolment.BadCode) {
            metrics.enrolment("bad_code");
            refuse(ctx, HttpStatus.BAD_REQUEST, "bad_code", "The enrolment code is unknown, used or expired; ask the office for a new one.");
        } else {
            metrics.enrolment("wrong_credentials");
            refuse(ctx, HttpStatus.UNAUTHORIZED, "wrong_credentials", "User name or password is wrong.");
        }
    }

    private void checkDevice(Context ctx) {
        String authorization = ctx.header("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : null;
        Optional<DeviceSession> session = accounts.authenticate(token, clock.instant());
        session.ifPresent(s -> RequestLog.note(ctx, "device", s.deviceId()));
        if (session.isPresent() && session.get().revoked()) {
            // Before the schema: a stolen laptop with an app too old to sync must still learn to wipe itself.
            refuse(ctx, HttpStatus.UNAUTHORIZED, "device_revoked", "This device has been revoked; its local data must be wiped.");
            ctx.skipRemainingHandlers();
            return;
        }
        String schema = ctx.header(Protocol.SCHEMA_HEADER);
        int version;
        try {
            version = schema == null ? -1 : Integer.parseInt(schema.trim());
        } catch (NumberFormatException e) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "The " + Protocol.SCHEMA_HEADER + " header must be a whole number.");
            ctx.skipRemainingHandlers();
            return;
        }
        if (version < Protocol.OLDEST_SUPPORTED_SCHEMA) {
            refuse(ctx, HttpStatus.UPGRADE_REQUIRED, "app_too_old",
                    "This version of the app is too old for the server; install the new version.");
            ctx.skipRemainingHandlers();
            return;
        }
        if (version > Protocol.SCHEMA_VERSION) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "server_too_old", "The app is newer than the server; the server needs an update.");
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(SCHEMA, version);
        if (session.isEmpty()) {
            refuse(ctx, HttpStatus.UNAUTHORIZED, "unauthorized", "This device is not enrolled.");
            ctx.skipRemainingHandlers();
        } else if (session.get().role() == Role.COACH && session.get().coachId() == null) {
            refuse(ctx, HttpStatus.FORBIDDEN, "forbidden", "This coach has no caseload yet.");
            ctx.skipRemainingHandlers();
        } else {
            ctx.attribute(SESSION, session.get());
        }
    }

    private void push(Context ctx) throws JsonProcessingException {
        DeviceSession session = ctx.attribute(SESSION);
        JsonNode body = jsonObject(ctx);
        if (body == null) {
            return;
        }
        // Checked on the tree: the record reads a missing or null list as empty, which would answer a broken push with "nothing to do".
        if (!body.path("changes").isArray()) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "changes must be a list of changes.");
            return;
        }
        JsonNode cursor = body.path("cursor");
        if (!cursor.isMissingNode() && !cursor.isNull() && !(cursor.canConvertToLong() && cursor.isIntegralNumber() && cursor.asLong() >= 0)) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "cursor must be 0 or more.");
            return;
        }
        PushRequest request = Json.mapper().treeToValue(body, PushRequest.class);
        recordSync(ctx, session);
        List<ChangeResult> results = store.push(scope(session), request.cursor(), request.changes(), Actor.of(session),
                clock.instant());
        metrics.pushed(results);
        RequestLog.note(ctx, "changes", results.size());
        for (ChangeStatus status : ChangeStatus.values()) {
            RequestLog.note(ctx, status.name().toLowerCase(Locale.ROOT), results.stream().filter(r -> r.status() == status).count());
        }
        ctx.json(new PushResponse(knowsErasure(ctx) ? results : results.stream().map(SyncServer::beforeErasure).toList(),
                epochFor(ctx)));
    }

    private void pull(Context ctx) {
        DeviceSession session = ctx.attribute(SESSION);
        if (session.role() != Role.COACH) {
            // The office and admins see residents through the office API, a page at a time, never as a caseload to keep.
            refuse(ctx, HttpStatus.FORBIDDEN, "forbidden", "Only a coach's laptop pulls a caseload; the office uses the office API.");
            return;
        }
        long after = Long.parseLong(Objects.requireNonNullElse(ctx.queryParam("after"), "0"));
        int limit = Integer.parseInt(Objects.requireNonNullElse(ctx.queryParam("limit"), "1000"));
        RequestLog.note(ctx, "after", after);
        RequestLog.note(ctx, "limit", limit);
        if (after < 0 || limit < 1 || limit > 5_000) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "after must be 0 or more and limit between 1 and 5000.");
            return;
        }
        recordSync(ctx, session);
        PullPage page = store.pullToSend(scope(session), after, limit, Actor.of(session), clock.instant());
        metrics.pulled(page.changes().size());
        if (page.changes().isEmpty() && after > 0 && after > store.lastSequence()) {
            // The laptop saw numbers this database never handed out: it was restored without mark-restored,
            // and new changes may get numbers this laptop will skip. See docs/operations.md, "Restore".
            LOG.warn("event=cursor_ahead_of_server after={} last_seq={}", after, store.lastSequence());
            metrics.cursorAhead();
        }
        RequestLog.note(ctx, "changes", page.changes().size());
        RequestLog.note(ctx, "next_cursor", page.nextCursor());
        if (!knowsErasure(ctx)) {
            page = new PullPage(page.changes().stream().map(SyncServer::beforeErasure).toList(), page.nextCursor(), page.hasMore(),
                    page.remaining(), page.serverEpoch());
        }
        ctx.json(page.withEpoch(epochFor(ctx)));
    }

    /** Reference data and the sociale kaart, without the fields an older app's strict reader does not know. */
    private void reference(Context ctx) {
        Integer schema = ctx.attribute(SCHEMA);
        if (schema != null && schema >= Protocol.SOCIAL_MAP_CONTACT_SCHEMA) {
            ctx.json(store.reference());
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode bundle = Json.mapper().valueToTree(store.reference());
        for (JsonNode entry : bundle.path("social_map")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) entry).remove(List.of("phone", "website"));
        }
        ctx.json(bundle);
    }

    /** Notes the sync on the device with what the app reported in its optional headers, for the office's device list. */
    private void recordSync(Context ctx, DeviceSession session) {
        String version = ctx.header(Protocol.APP_VERSION_HEADER);
        if (version != null) {
            version = version.trim();
            version = version.isEmpty() || version.length() > 32 || !version.matches("[A-Za-z0-9._+-]+") ? null : version;
        }
        Integer waiting = null;
        String waitingHeader = ctx.header(Protocol.WAITING_HEADER);
        if (waitingHeader != null && waitingHeader.trim().matches("[0-9]{1,9}")) {
            waiting = Integer.parseInt(waitingHeader.trim());
        }
        accounts.recordSync(session.deviceId(), version, waiting, clock.instant());
    }

    /** Whether the app knows erasure ({@link Protocol#ERASURE_SCHEMA}): {@code resident_erased} and {@code erased}. */
    private static boolean knowsErasure(Context ctx) {
        Integer schema = ctx.attribute(SCHEMA);
        return schema != null && schema >= Protocol.ERASURE_SCHEMA;
    }

    /** For an app before erasure: {@code erased} is {@code rejected}, which it drops and does not send again. */
    private static ChangeResult beforeErasure(ChangeResult result) {
        return result.status() == ChangeStatus.ERASED ? new ChangeResult(result.changeId(), ChangeStatus.REJECTED, null, "erased")
                : result;
    }

    /**
     * For an app before erasure: {@code resident_erased} is {@code resident_moved}: it pushes what it
     * still has for the resident (answered {@code rejected}) and removes them.
     */
    private static PulledChange beforeErasure(PulledChange change) {
        return RecordKind.RESIDENT_ERASED.is(change.kind()) ? new PulledChange(change.seq(), RecordKind.RESIDENT_MOVED.wireName(),
                change.recordId(), change.residentId(), change.deleted(), change.body()) : change;
    }

    /** The epoch, for apps that read it; an older app's strict reader would refuse the whole answer over it. */
    private String epochFor(Context ctx) {
        Integer schema = ctx.attribute(SCHEMA);
        return schema != null && schema >= Protocol.EPOCH_SCHEMA ? store.epoch() : null;
    }

    /** The coach whose residents a device may see and change; null for the office and admins: all residents. */
    private static java.util.UUID scope(DeviceSession session) {
        return session.role() == Role.COACH ? session.coachId() : null;
    }

    /**
     * The request's body as a JSON object; null when refused (a body that is not JSON, or JSON that is
     * no object: {@code null}, a list, a number), the refusal already answered.
     */
    static JsonNode jsonObject(Context ctx) throws JsonProcessingException {
        String contentType = ctx.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            ErrorResponse error = JsonErrorHandler.forStatus(415);
            refuse(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, error.error(), error.message());
            return null;
        }
        String text;
        try {
            text = ctx.body();
        } catch (HttpResponseException e) {
            throw e; // too large: answered 413 by its own handler
        } catch (Exception e) {
            // A body its client framed wrongly (bad chunking) or broke off. Javalin takes such an exception for a
            // client that went away and answers an empty 500, so it is answered here, before it gets that far.
            refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "The request body could not be read.");
            return null;
        }
        JsonNode body = text.isBlank() ? null : Json.mapper().readTree(text);
        if (body == null || !body.isObject()) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "The body must be a JSON object.");
            return null;
        }
        return body;
    }

    static void refuse(Context ctx, HttpStatus status, String code, String message) {
        ctx.attribute(REFUSED, code);
        ctx.status(status).json(new ErrorResponse(code, message));
    }

    /**
     * Stops gracefully: no new connections, requests in flight finish (for up to the shutdown
     * grace), then the server stops. The store is the caller's to close afterwards.
     */
    @Override
    public synchronized void close() {
        if (javalin == null) {
            return;
        }
        try {
            javalin.stop();
        } catch (JavalinException e) {
            // Jetty stops all the same once the grace is over; it only reports the requests it cut off.
            if (!(e.getCause() instanceof TimeoutException)) {
                throw e;
            }
            LOG.warn("event=stop_grace_exceeded grace_s={}", shutdownGrace.toSeconds());
        } finally {
            metrics.close();
        }
    }
}
