package nl.groningen.keukentafel.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.sync.EnrolRequest;
import nl.groningen.keukentafel.contract.sync.EnrolResponse;
import nl.groningen.keukentafel.contract.sync.ErrorResponse;
import nl.groningen.keukentafel.contract.sync.Protocol;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;
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

    private final Javalin javalin;
    private final ServerStore store;
    private final Accounts accounts;
    private final Clock clock;

    public SyncServer(ServerStore store, Clock clock) {
        this.store = store;
        this.accounts = store.accounts();
        this.clock = clock;
        this.javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.http.maxRequestSize = MAX_BODY_BYTES;
        });
        javalin.get("/health", ctx -> ctx.json(new Health("ok", store.kind().label(), store.schemaVersion())));
        javalin.post(Protocol.ENROL, this::enrol);
        javalin.before("/api/v1/sync/*", this::checkDevice);
        javalin.post(Protocol.PUSH, this::push);
        javalin.get(Protocol.PULL, this::pull);
        javalin.exception(JsonProcessingException.class, (e, ctx) ->
                refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "The request is not valid JSON of the expected shape."));
        javalin.exception(NumberFormatException.class, (e, ctx) ->
                refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "A number in the request could not be read."));
        javalin.exception(Exception.class, (e, ctx) -> {
            LOG.error("event=request_failed path={} error={}", ctx.path(), e.getClass().getSimpleName());
            refuse(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "server_error", "The server could not do this; nothing was half-stored.");
        });
        javalin.error(HttpStatus.NOT_FOUND, ctx -> ctx.json(new ErrorResponse("not_found", "No such endpoint.")));
        javalin.error(HttpStatus.CONTENT_TOO_LARGE, ctx ->
                ctx.json(new ErrorResponse("too_large", "The request is larger than the server accepts; send fewer changes at once.")));
    }

    /** Starts listening; port 0 picks a free port. */
    public SyncServer start(String host, int port) {
        javalin.start(host, port);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    private void enrol(Context ctx) throws JsonProcessingException {
        EnrolRequest request = Json.mapper().readValue(ctx.body(), EnrolRequest.class);
        if (request.userName() == null || request.password() == null || request.code() == null) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "User name, password and enrolment code are all needed.");
            return;
        }
        Enrolment result = accounts.enrol(request.userName(), request.password().toCharArray(), request.code(),
                request.deviceName(), clock.instant());
        if (result instanceof Enrolment.Enrolled enrolled) {
            LOG.info("event=device_enrolled device={}", enrolled.deviceId());
            ctx.json(new EnrolResponse(enrolled.deviceId(), enrolled.token(), enrolled.coachId()));
        } else if (result instanceof Enrolment.LockedOut locked) {
            ctx.header("Retry-After", Long.toString(Math.max(1, locked.until().getEpochSecond() - clock.instant().getEpochSecond())));
            refuse(ctx, HttpStatus.TOO_MANY_REQUESTS, "locked_out", "Too many wrong passwords; try again later.");
        } else if (result instanceof Enrolment.BadCode) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "bad_code", "The enrolment code is unknown, used or expired; ask the office for a new one.");
        } else {
            refuse(ctx, HttpStatus.UNAUTHORIZED, "wrong_credentials", "User name or password is wrong.");
        }
    }

    private void checkDevice(Context ctx) {
        String schema = ctx.header(Protocol.SCHEMA_HEADER);
        int version;
        try {
            version = schema == null ? -1 : Integer.parseInt(schema.trim());
        } catch (NumberFormatException e) {
            version = -1;
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
        String authorization = ctx.header("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : null;
        Optional<DeviceSession> session = accounts.authenticate(token, clock.instant());
        if (session.isEmpty()) {
            refuse(ctx, HttpStatus.UNAUTHORIZED, "unauthorized", "This device is not enrolled.");
            ctx.skipRemainingHandlers();
        } else if (session.get().revoked()) {
            refuse(ctx, HttpStatus.UNAUTHORIZED, "device_revoked", "This device has been revoked; its local data must be wiped.");
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
        PushRequest request = Json.mapper().readValue(ctx.body(), PushRequest.class);
        ctx.json(new PushResponse(store.push(scope(session), request.cursor(), request.changes())));
    }

    private void pull(Context ctx) {
        DeviceSession session = ctx.attribute(SESSION);
        long after = Long.parseLong(Objects.requireNonNullElse(ctx.queryParam("after"), "0"));
        int limit = Integer.parseInt(Objects.requireNonNullElse(ctx.queryParam("limit"), "1000"));
        if (after < 0 || limit < 1 || limit > 5_000) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "after must be 0 or more and limit between 1 and 5000.");
            return;
        }
        ctx.json(store.pullToSend(scope(session), after, limit));
    }

    /** The coach whose residents a device may see and change; null for the office and admins: all residents. */
    private static java.util.UUID scope(DeviceSession session) {
        return session.role() == Role.COACH ? session.coachId() : null;
    }

    private static void refuse(Context ctx, HttpStatus status, String code, String message) {
        ctx.status(status).json(new ErrorResponse(code, message));
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
