package nl.groningen.keukentafel.app.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.sync.EnrolRequest;
import nl.groningen.keukentafel.contract.sync.EnrolResponse;
import nl.groningen.keukentafel.contract.sync.ErrorResponse;
import nl.groningen.keukentafel.contract.sync.Protocol;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;
import nl.groningen.keukentafel.contract.sync.ReferenceBundle;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The sync server over HTTP (OkHttp, the contract's JSON). Every request carries the app's schema
 * version; every failure becomes a {@link SyncException} with a reason the coach can be told.
 * Holds no state but the address and the token: safe to retry any call.
 */
public final class SyncClient implements SyncTransport {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String token;
    private final ObjectMapper json = Json.mapper();
    private final String appVersion;
    private final IntSupplier waitingChanges;

    public SyncClient(OkHttpClient http, String serverUrl, String token) {
        this(http, serverUrl, token, null, null);
    }

    /**
     * A client that also tells the server, on each push and pull, the app's version and how many
     * changes the outbox still holds (either null: not told), for the office's device list.
     */
    public SyncClient(OkHttpClient http, String serverUrl, String token, String appVersion, IntSupplier waitingChanges) {
        this.http = http;
        this.appVersion = appVersion;
        this.waitingChanges = waitingChanges;
        HttpUrl parsed = HttpUrl.parse(serverUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("Not a server address: " + serverUrl);
        }
        this.base = parsed;
        this.token = token;
    }

    /**
     * The one HTTP client of the app: short timeouts, so an unreachable server is noticed quickly.
     * A kept-alive connection leaves the pool after 20 s idle, before the server's idle timeout (Jetty's 30 s)
     * closes it; one the server closed all the same is retried once on a new connection (every
     * request is safe to repeat: a push by its change ids), so "offline" means the server cannot be
     * reached, not that a pooled connection went stale between two syncs.
     */
    public static OkHttpClient defaultHttp() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(60))
                .writeTimeout(Duration.ofSeconds(60))
                .connectionPool(new ConnectionPool(5, 20, TimeUnit.SECONDS))
                .retryOnConnectionFailure(true)
                .build();
    }

    public EnrolResponse enrol(String userName, char[] password, String code, String deviceName) throws SyncException {
        return call(post(Protocol.ENROL, new EnrolRequest(userName, new String(password), code, deviceName)), EnrolResponse.class);
    }

    @Override
    public PushResponse push(PushRequest request) throws SyncException {
        return call(reported(post(Protocol.PUSH, request).newBuilder()).build(), PushResponse.class);
    }

    @Override
    public PullPage pull(long after, int limit) throws SyncException {
        HttpUrl url = base.newBuilder().encodedPath(Protocol.PULL).addQueryParameter("after", Long.toString(after))
                .addQueryParameter("limit", Integer.toString(limit)).build();
        return call(reported(request(url)).get().build(), PullPage.class);
    }

    @Override
    public ReferenceBundle reference() throws SyncException {
        return call(request(base.newBuilder().encodedPath(Protocol.REFERENCE).build()).get().build(), ReferenceBundle.class);
    }

    private Request post(String path, Object body) throws SyncException {
        try {
            return request(base.newBuilder().encodedPath(path).build())
                    .post(RequestBody.create(json.writeValueAsBytes(body), JSON)).build();
        } catch (IOException e) {
            throw new SyncException(SyncFailure.REFUSED, "request could not be written", e);
        }
    }

    /** The report headers on a push or pull: the app's version and the changes waiting, where known. */
    private Request.Builder reported(Request.Builder builder) {
        if (appVersion != null && !appVersion.isBlank()) {
            builder.header(Protocol.APP_VERSION_HEADER, appVersion);
        }
        if (waitingChanges != null) {
            builder.header(Protocol.WAITING_HEADER, Integer.toString(Math.max(0, waitingChanges.getAsInt())));
        }
        return builder;
    }

    private Request.Builder request(HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url)
                .header(Protocol.SCHEMA_HEADER, Integer.toString(Protocol.SCHEMA_VERSION));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private <T> T call(Request request, Class<T> type) throws SyncException {
        try (Response response = http.newCall(request).execute()) {
            byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
            if (response.isSuccessful()) {
                try {
                    // Leniently: a newer server may add fields to its answers (what this app sends stays strict).
                    return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
                } catch (IOException e) {
                    throw new SyncException(SyncFailure.SERVER_ERROR, "unreadable answer", e);
                }
            }
            throw failure(response.code(), body);
        } catch (IOException e) {
            throw new SyncException(SyncFailure.OFFLINE, e.getClass().getSimpleName(), e);
        }
    }

    private SyncException failure(int status, byte[] body) {
        String code = "";
        try {
            code = json.readValue(body, ErrorResponse.class).error();
        } catch (IOException | RuntimeException e) {
            // not our server's JSON (a proxy's page, say): the status decides
        }
        SyncFailure failure = switch (code == null ? "" : code) {
            case "device_revoked" -> SyncFailure.REVOKED;
            case "unauthorized" -> SyncFailure.NOT_ENROLLED;
            case "app_too_old" -> SyncFailure.APP_TOO_OLD;
            case "wrong_credentials" -> SyncFailure.WRONG_CREDENTIALS;
            case "bad_code" -> SyncFailure.BAD_CODE;
            case "locked_out" -> SyncFailure.LOCKED_OUT;
            default -> status == 426 ? SyncFailure.APP_TOO_OLD
                    : status == 401 ? SyncFailure.NOT_ENROLLED
                    : status == 502 || status == 503 || status == 504 ? SyncFailure.OFFLINE
                    : status >= 500 ? SyncFailure.SERVER_ERROR : SyncFailure.REFUSED;
        };
        return new SyncException(failure, "HTTP " + status + " " + code, null);
    }
}
