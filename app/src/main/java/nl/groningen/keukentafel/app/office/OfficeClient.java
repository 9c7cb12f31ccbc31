package nl.groningen.keukentafel.app.office;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.DoubleConsumer;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.office.AccessExport;
import nl.groningen.keukentafel.contract.office.AssignRequest;
import nl.groningen.keukentafel.contract.office.AssignResult;
import nl.groningen.keukentafel.contract.office.AuditTrail;
import nl.groningen.keukentafel.contract.office.CoachList;
import nl.groningen.keukentafel.contract.office.CoachSummary;
import nl.groningen.keukentafel.contract.office.DeviceList;
import nl.groningen.keukentafel.contract.office.EnrolmentCode;
import nl.groningen.keukentafel.contract.office.EnrolmentCodeRequest;
import nl.groningen.keukentafel.contract.office.ErasureRequest;
import nl.groningen.keukentafel.contract.office.ErasureResult;
import nl.groningen.keukentafel.contract.office.ErasureSummary;
import nl.groningen.keukentafel.contract.office.ImportPreview;
import nl.groningen.keukentafel.contract.office.ImportResult;
import nl.groningen.keukentafel.contract.office.NewCoach;
import nl.groningen.keukentafel.contract.office.NewUser;
import nl.groningen.keukentafel.contract.office.OfficeApi;
import nl.groningen.keukentafel.contract.office.OfficeLogin;
import nl.groningen.keukentafel.contract.office.OfficeSession;
import nl.groningen.keukentafel.contract.office.ReportFigures;
import nl.groningen.keukentafel.contract.office.ResidentPage;
import nl.groningen.keukentafel.contract.office.RevokeResult;
import nl.groningen.keukentafel.contract.office.UserCreated;
import nl.groningen.keukentafel.contract.sync.ErrorResponse;
import nl.groningen.keukentafel.contract.sync.Protocol;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;

/**
 * The server's office API over HTTP, for the office screens, which work online: nothing they show
 * is kept on this PC. Every request carries the office PC's device token and, after {@link #login},
 * the session the user's password opened. Every failure is an {@link OfficeException} with a
 * reason the office can be told.
 */
public final class OfficeClient {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType CSV = MediaType.get(OfficeApi.CSV + "; charset=utf-8");

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String token;
    private final ObjectMapper json = Json.mapper();
    private volatile String session;

    public OfficeClient(OkHttpClient http, String serverUrl, String token) {
        HttpUrl parsed = HttpUrl.parse(serverUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("Not a server address: " + serverUrl);
        }
        this.http = http;
        this.base = parsed;
        this.token = token;
    }

    /** Opens the office session with the user's password (the server counts wrong ones towards its lockout). */
    public OfficeSession login(char[] password) throws OfficeException {
        OfficeSession opened = call(post(OfficeApi.SESSION, new OfficeLogin(new String(password))), OfficeSession.class);
        session = opened.session();
        return opened;
    }

    /** Checks a caseload file: every row and every problem; nothing is stored. {@code progress} hears the share sent (0 to 1). */
    public ImportPreview previewImport(byte[] csv, DoubleConsumer progress) throws OfficeException {
        return call(csvPost(OfficeApi.IMPORT_PREVIEW, csv, progress), ImportPreview.class);
    }

    /** Imports a caseload file the preview found no problem in; a file with any problem is refused whole. */
    public ImportResult importCaseload(byte[] csv, DoubleConsumer progress) throws OfficeException {
        return call(csvPost(OfficeApi.IMPORT, csv, progress), ImportResult.class);
    }

    public CoachList coaches() throws OfficeException {
        return call(get(url(OfficeApi.COACHES).build()), CoachList.class);
    }

    /**
     * Residents by search text (name or client number), wijk and coach (a coach's id, {@code "none"}
     * for residents without one, or null for all), a page at a time.
     */
    public ResidentPage residents(String query, String wijk, String coach, int offset, int limit) throws OfficeException {
        HttpUrl.Builder url = url(OfficeApi.RESIDENTS);
        addIfSet(url, "q", query);
        addIfSet(url, "wijk", wijk);
        addIfSet(url, "coach", coach);
        url.addQueryParameter("offset", Integer.toString(offset)).addQueryParameter("limit", Integer.toString(limit));
        return call(get(url.build()), ResidentPage.class);
    }

    /** Moves these residents to this coach, all or none. */
    public AssignResult assign(List<UUID> residentIds, UUID coachId) throws OfficeException {
        return call(post(OfficeApi.ASSIGNMENTS, new AssignRequest(residentIds, coachId)), AssignResult.class);
    }

    /** Adds a coach (name and area); their caseload is empty until residents are assigned to them. */
    public CoachSummary createCoach(NewCoach coach) throws OfficeException {
        return call(post(OfficeApi.COACHES, coach), CoachSummary.class);
    }

    public DeviceList devices() throws OfficeException {
        return call(get(url(OfficeApi.DEVICES).build()), DeviceList.class);
    }

    public RevokeResult revoke(UUID deviceId) throws OfficeException {
        return call(post(OfficeApi.REVOKE.replace("{id}", deviceId.toString()), java.util.Map.of()), RevokeResult.class);
    }

    public UserCreated createUser(NewUser user) throws OfficeException {
        return call(post(OfficeApi.USERS, user), UserCreated.class);
    }

    public EnrolmentCode enrolmentCode(String userName, int validHours) throws OfficeException {
        return call(post(OfficeApi.ENROLMENT_CODES, new EnrolmentCodeRequest(userName, validHours)), EnrolmentCode.class);
    }

    /** Who saw or changed the resident, and when (oldest first); after an erasure only the entries kept, {@code erased} set. */
    public AuditTrail audit(UUID residentId) throws OfficeException {
        return call(get(url(residentPath(OfficeApi.RESIDENT_AUDIT, residentId)).build()), AuditTrail.class);
    }

    /** Everything the server holds about the resident, for their right of access; the server logs it as exported. */
    public AccessExport access(UUID residentId) throws OfficeException {
        return call(get(url(residentPath(OfficeApi.RESIDENT_ACCESS, residentId)).build()), AccessExport.class);
    }

    /** What erasing the resident would remove, and the laptops that would purge them; nothing is changed. */
    public ErasureSummary erasureSummary(UUID residentId) throws OfficeException {
        return call(get(url(residentPath(OfficeApi.RESIDENT_ERASURE, residentId)).build()), ErasureSummary.class,
                OfficeFailure.ALREADY_ERASED);
    }

    /** Erases the resident (admins only): the server keeps a tombstone and the audit entries; laptops purge at their next sync. */
    public ErasureResult erase(UUID residentId, ErasureRequest request) throws OfficeException {
        return call(post(residentPath(OfficeApi.RESIDENT_ERASURE, residentId), request), ErasureResult.class,
                OfficeFailure.ALREADY_ERASED);
    }

    private static String residentPath(String path, UUID residentId) {
        return path.replace("{id}", residentId.toString());
    }

    /** The council's figures for the period (both days inclusive) and scope, exact, as the server counts them. */
    public ReportFigures report(ReportQuery query) throws OfficeException {
        return call(get(reportUrl(query).build()), ReportFigures.class);
    }

    /** The same figures as the CSV that may leave the office (small counts at wijk or coach level as "&lt; 5"). */
    public byte[] reportCsv(ReportQuery query) throws OfficeException {
        return bytes(get(reportUrl(query).addQueryParameter("format", "csv").build()));
    }

    private HttpUrl.Builder reportUrl(ReportQuery query) {
        HttpUrl.Builder url = url(OfficeApi.REPORTS)
                .addQueryParameter("from", query.from().toString())
                .addQueryParameter("to", query.to().toString())
                .addQueryParameter("scope", query.scope().level().name().toLowerCase(Locale.ROOT));
        addIfSet(url, "value", query.scope().value());
        if (query.asOf() != null) {
            url.addQueryParameter("as_of", query.asOf().toString());
        }
        return url;
    }

    private static void addIfSet(HttpUrl.Builder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.addQueryParameter(name, value.trim());
        }
    }

    private HttpUrl.Builder url(String path) {
        return base.newBuilder().encodedPath(path);
    }

    private Request get(HttpUrl url) {
        return request(url).get().build();
    }

    private Request post(String path, Object body) throws OfficeException {
        try {
            return request(url(path).build()).post(RequestBody.create(json.writeValueAsBytes(body), JSON)).build();
        } catch (IOException e) {
            throw new OfficeException(OfficeFailure.REFUSED, null, e);
        }
    }

    private Request csvPost(String path, byte[] csv, DoubleConsumer progress) {
        return request(url(path).build()).post(new Counted(RequestBody.create(csv, CSV), progress)).build();
    }

    private Request.Builder request(HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url)
                .header(Protocol.SCHEMA_HEADER, Integer.toString(Protocol.SCHEMA_VERSION))
                .header("Authorization", "Bearer " + token);
        String current = session;
        if (current != null) {
            builder.header(OfficeApi.SESSION_HEADER, current);
        }
        return builder;
    }

    private <T> T call(Request request, Class<T> type) throws OfficeException {
        return call(request, type, null);
    }

    /** As {@link #call(Request, Class)}, with what a conflict (409, or 410 gone) without an error code of ours means here. */
    private <T> T call(Request request, Class<T> type, OfficeFailure onConflict) throws OfficeException {
        byte[] body = bytes(request, onConflict);
        try {
            return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (IOException e) {
            throw new OfficeException(OfficeFailure.SERVER_ERROR, null, e);
        }
    }

    /** The answer's bytes (JSON, or an export), or the failure the server's error shape or the network stands for. */
    private byte[] bytes(Request request) throws OfficeException {
        return bytes(request, null);
    }

    private byte[] bytes(Request request, OfficeFailure onConflict) throws OfficeException {
        try (Response response = http.newCall(request).execute()) {
            byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
            if (response.isSuccessful()) {
                return body;
            }
            throw failure(response.code(), body, onConflict);
        } catch (IOException e) {
            throw new OfficeException(OfficeFailure.OFFLINE, null, e);
        }
    }

    private OfficeException failure(int status, byte[] body, OfficeFailure onConflict) {
        String code = "";
        String message = null;
        try {
            ErrorResponse error = json.readValue(body, ErrorResponse.class);
            code = error.error();
            message = error.message();
        } catch (IOException | RuntimeException e) {
            // not our server's JSON (a proxy's page, say): the status decides
        }
        OfficeFailure failure = OfficeFailure.of(status, code);
        if (onConflict != null && failure == OfficeFailure.REFUSED && (status == 409 || status == 410)) {
            failure = onConflict;
        }
        if (failure == OfficeFailure.SESSION_ENDED || failure == OfficeFailure.REVOKED) {
            session = null;
        }
        return new OfficeException(failure, message, null);
    }

    /** A request body that tells how much of it has been sent, for the progress of a large caseload file. */
    private static final class Counted extends RequestBody {
        private final RequestBody body;
        private final DoubleConsumer progress;

        Counted(RequestBody body, DoubleConsumer progress) {
            this.body = body;
            this.progress = progress == null ? share -> { } : progress;
        }

        @Override
        public MediaType contentType() {
            return body.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return body.contentLength();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            long total = Math.max(1, contentLength());
            BufferedSink counting = Okio.buffer(new ForwardingSink(sink) {
                private long sent;

                @Override
                public void write(Buffer source, long byteCount) throws IOException {
                    super.write(source, byteCount);
                    sent += byteCount;
                    progress.accept(Math.min(1.0, (double) sent / total));
                }
            });
            body.writeTo(counting);
            counting.flush();
        }
    }
}
