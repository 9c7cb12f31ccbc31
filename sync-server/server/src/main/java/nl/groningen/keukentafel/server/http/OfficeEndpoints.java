package nl.groningen.keukentafel.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.office.AssignRequest;
import nl.groningen.keukentafel.contract.office.AccessExport;
import nl.groningen.keukentafel.contract.office.AssignResult;
import nl.groningen.keukentafel.contract.office.AuditTrail;
import nl.groningen.keukentafel.contract.office.ErasureReason;
import nl.groningen.keukentafel.contract.office.ErasureRequest;
import nl.groningen.keukentafel.contract.office.ErasureResult;
import nl.groningen.keukentafel.contract.office.ErasureSummary;
import nl.groningen.keukentafel.contract.office.CoachList;
import nl.groningen.keukentafel.contract.office.CoachSummary;
import nl.groningen.keukentafel.contract.office.DeviceList;
import nl.groningen.keukentafel.contract.office.DeviceSummary;
import nl.groningen.keukentafel.contract.office.EnrolmentCode;
import nl.groningen.keukentafel.contract.office.EnrolmentCodeRequest;
import nl.groningen.keukentafel.contract.office.ImportPreview;
import nl.groningen.keukentafel.contract.office.ImportProblem;
import nl.groningen.keukentafel.contract.office.ImportResult;
import nl.groningen.keukentafel.contract.office.ImportRow;
import nl.groningen.keukentafel.contract.office.NewCoach;
import nl.groningen.keukentafel.contract.office.NewUser;
import nl.groningen.keukentafel.contract.office.OfficeApi;
import nl.groningen.keukentafel.contract.office.OfficeSession;
import nl.groningen.keukentafel.contract.office.ReportFigures;
import nl.groningen.keukentafel.contract.office.ReportScope;
import nl.groningen.keukentafel.contract.office.RevokeResult;
import nl.groningen.keukentafel.contract.office.UserCreated;
import nl.groningen.keukentafel.server.domain.Actor;
import nl.groningen.keukentafel.server.domain.Assignment;
import nl.groningen.keukentafel.server.domain.CaseloadCsv;
import nl.groningen.keukentafel.server.domain.CaseloadImportResult;
import nl.groningen.keukentafel.server.domain.CaseloadProblem;
import nl.groningen.keukentafel.server.domain.CaseloadRow;
import nl.groningen.keukentafel.server.domain.DeviceSession;
import nl.groningen.keukentafel.server.domain.OfficeLogin;
import nl.groningen.keukentafel.server.domain.ReportExport;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.storage.Accounts;
import nl.groningen.keukentafel.server.storage.CaseloadImport;
import nl.groningen.keukentafel.server.storage.OfficeResidents;
import nl.groningen.keukentafel.server.storage.Reports;
import nl.groningen.keukentafel.server.storage.ServerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The office API ({@code /api/v1/office/...}): caseload import, coaches, residents and their
 * assignment, devices, users and enrolment codes, the council's figures, for the app's office
 * screens, which work online.
 * Every request needs the device token of an enrolled office or admin device and, but for the
 * login, the session the login opened with the user's password. Each office action is logged as an
 * {@code event=office_...} line with the staff user's and device's ids and counts, never anything
 * of a resident.
 */
final class OfficeEndpoints {

    /** An office session lapses after this long unused. */
    static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(OfficeEndpoints.class);
    private static final String OFFICE = "keukentafel.office";
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");
    private static final int MIN_PASSWORD = 10;
    private static final int MAX_ASSIGN = 5_000;
    private static final int MAX_PAGE = 500;
    /** An erasure's reference: the municipality's case number, on one line. */
    private static final int MAX_REFERENCE = 64;
    private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{N} ./_#:-]+");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** The longest period a report counts over: the project's whole history fits, a typo of a year does not. */
    private static final int MAX_REPORT_YEARS = 10;

    private final ServerStore store;
    private final Accounts accounts;
    private final Clock clock;

    OfficeEndpoints(ServerStore store, Clock clock) {
        this.store = store;
        this.accounts = store.accounts();
        this.clock = clock;
    }

    /**
     * Before every office request: an enrolled, unrevoked device whose user is office or admin
     * (a coach's device: 403), and, but for the login, an open session on that device.
     */
    void check(Context ctx) {
        String authorization = ctx.header("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : null;
        Optional<DeviceSession> device = accounts.authenticate(token, clock.instant());
        device.ifPresent(d -> RequestLog.note(ctx, "device", d.deviceId()));
        if (device.isEmpty()) {
            stop(ctx, HttpStatus.UNAUTHORIZED, "unauthorized", "This device is not enrolled.");
        } else if (device.get().revoked()) {
            stop(ctx, HttpStatus.UNAUTHORIZED, "device_revoked", "This device has been revoked; its local data must be wiped.");
        } else if (device.get().role() == Role.COACH) {
            stop(ctx, HttpStatus.FORBIDDEN, "forbidden", "The office API is for office and admin users; this is a coach's device.");
        } else if (!ctx.path().equals(OfficeApi.SESSION)
                && !accounts.useOfficeSession(device.get().deviceId(), ctx.header(OfficeApi.SESSION_HEADER), SESSION_IDLE,
                clock.instant())) {
            stop(ctx, HttpStatus.UNAUTHORIZED, "session_required",
                    "Log in with your password first; an office session lapses after " + SESSION_IDLE.toMinutes() + " minutes unused.");
        } else {
            ctx.attribute(OFFICE, device.get());
        }
    }

    /** POST session: the device's user's password opens a session (wrong passwords count towards the lockout). */
    void login(Context ctx) throws JsonProcessingException {
        DeviceSession device = ctx.attribute(OFFICE);
        JsonNode body = SyncServer.jsonObject(ctx);
        if (body == null) {
            return;
        }
        if (!body.path("password").isTextual() || body.size() != 1) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "The body must be {\"password\": \"...\"}.");
            return;
        }
        OfficeLogin login = accounts.openOfficeSession(device, body.path("password").asText().toCharArray(), SESSION_IDLE,
                clock.instant());
        if (login instanceof OfficeLogin.Opened opened) {
            event("office_login", device, "");
            ctx.json(new OfficeSession(opened.session(), device.userName(), device.role().name().toLowerCase(Locale.ROOT),
                    opened.expiresAt(), (int) SESSION_IDLE.toMinutes()));
        } else if (login instanceof OfficeLogin.LockedOut locked) {
            event("office_login_locked_out", device, "");
            ctx.header("Retry-After", Long.toString(Math.max(1, locked.until().getEpochSecond() - clock.instant().getEpochSecond())));
            SyncServer.refuse(ctx, HttpStatus.TOO_MANY_REQUESTS, "locked_out", "Too many wrong passwords; try again later.");
        } else {
            event("office_login_wrong_password", device, "");
            SyncServer.refuse(ctx, HttpStatus.UNAUTHORIZED, "wrong_credentials", "The password is wrong.");
        }
    }

    /** POST caseload-import/preview: every good row and every problem; nothing stored. */
    void preview(Context ctx) {
        DeviceSession device = ctx.attribute(OFFICE);
        CaseloadCsv.Parsed parsed = csv(ctx);
        if (parsed == null) {
            return;
        }
        CaseloadImportResult result = new CaseloadImport(store).run(parsed.rows(), parsed.problems(), defaultCoach(ctx), true);
        List<ImportProblem> problems = problems(result);
        List<ImportRow> rows = parsed.rows().stream().map(OfficeEndpoints::row).toList();
        event("office_import_preview", device, " rows=" + rows.size() + " problems=" + problems.size());
        ctx.json(new ImportPreview(rows, problems, result.imported() ? counts(result) : new ImportResult(0, 0, 0, 0, 0, 0)));
    }

    /** POST caseload-import: the same checks again; a file with any problem is refused whole (422). */
    void importCaseload(Context ctx) {
        DeviceSession device = ctx.attribute(OFFICE);
        CaseloadCsv.Parsed parsed = csv(ctx);
        if (parsed == null) {
            return;
        }
        CaseloadImportResult result = new CaseloadImport(store).run(parsed.rows(), parsed.problems(), defaultCoach(ctx), false,
                Actor.of(device), clock.instant());
        if (!result.imported()) {
            List<ImportProblem> problems = problems(result);
            event("office_import_refused", device, " rows=" + parsed.rows().size() + " problems=" + problems.size());
            ImportProblem first = problems.get(0);
            SyncServer.refuse(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "import_problems", "Niets geïmporteerd: " + problems.size()
                    + (problems.size() == 1 ? " fout" : " fouten") + ", de eerste " + (first.line() > 0 ? "op regel " + first.line()
                    : "in het bestand") + ": " + first.message() + ". De voorvertoning noemt ze allemaal.");
            return;
        }
        event("office_import", device, " rows=" + parsed.rows().size() + " added=" + result.added() + " updated=" + result.updated()
                + " unchanged=" + result.unchanged() + " without_coach=" + result.withoutCoach());
        ctx.json(counts(result));
    }

    /** GET coaches: each coach with their caseload size. */
    void coaches(Context ctx) {
        ctx.json(new CoachList(store.coaches().list().stream()
                .map(c -> new CoachSummary(c.id(), c.name(), c.area(), c.residents(), c.userNames())).toList()));
    }

    /**
     * POST coaches: a coach added with their name and area, answered as GET coaches lists them (no
     * residents yet); the add-coach command's way in, so both store a coach alike.
     */
    void addCoach(Context ctx) throws JsonProcessingException {
        DeviceSession device = ctx.attribute(OFFICE);
        JsonNode body = SyncServer.jsonObject(ctx);
        if (body == null) {
            return;
        }
        NewCoach request = Json.mapper().treeToValue(body, NewCoach.class);
        if (!body.path("name").isTextual() || !body.path("area").isTextual() || request.name().isBlank() || request.area().isBlank()
                || request.name().trim().length() > NewCoach.MAX_NAME || request.area().trim().length() > NewCoach.MAX_AREA) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "name (1 to " + NewCoach.MAX_NAME + " characters) and area (1 to "
                    + NewCoach.MAX_AREA + ") are both needed.");
            return;
        }
        Coach coach = store.coaches().add(request.name(), request.area());
        event("office_coach_created", device, " new_coach=" + coach.id());
        ctx.status(HttpStatus.CREATED).json(new CoachSummary(coach.id(), coach.name(), coach.area(), 0, List.of()));
    }

    /** GET residents?q=&wijk=&coach=&offset=&limit=: residents to assign, a page at a time. */
    void residents(Context ctx) {
        String coach = ctx.queryParam("coach");
        if (coach != null && !coach.isBlank() && !coach.equals(OfficeResidents.NO_COACH) && uuid(coach) == null) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "coach must be a coach id or 'none'.");
            return;
        }
        int offset = Integer.parseInt(Objects.requireNonNullElse(ctx.queryParam("offset"), "0"));
        int limit = Integer.parseInt(Objects.requireNonNullElse(ctx.queryParam("limit"), "100"));
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "offset must be 0 or more and limit between 1 and " + MAX_PAGE + ".");
            return;
        }
        ctx.json(store.officeResidents().search(ctx.queryParam("q"), ctx.queryParam("wijk"),
                coach == null || coach.isBlank() ? null : coach.trim().toLowerCase(Locale.ROOT), offset, limit,
                Actor.of(ctx.attribute(OFFICE)), clock.instant()));
    }

    /** GET residents/{id}/audit: who saw or changed the resident, and when (every kept entry, pulls too). */
    void audit(Context ctx) {
        UUID id = residentId(ctx);
        if (id == null) {
            return;
        }
        AuditTrail trail = store.auditTrail(id);
        event("office_audit_viewed", ctx.attribute(OFFICE), " entries=" + trail.entries().size());
        ctx.json(trail);
    }

    /** GET residents/{id}/access: everything the server holds about the resident (their right of access), logged as exported. */
    void access(Context ctx) {
        UUID id = residentId(ctx);
        if (id == null) {
            return;
        }
        DeviceSession device = ctx.attribute(OFFICE);
        AccessExport export = store.accessExport(id, Actor.of(device), clock.instant());
        if (export == null) {
            refuseUnknown(ctx, id);
            return;
        }
        event("office_access_export", device, " records=" + export.recordCount());
        ctx.json(export);
    }

    /** GET residents/{id}/erasure: what erasing the resident would remove, and which laptops purge them at their next sync. */
    void erasureSummary(Context ctx) {
        UUID id = residentId(ctx);
        if (id == null) {
            return;
        }
        ErasureSummary summary = store.erasureSummary(id);
        if (summary == null) {
            refuseUnknown(ctx, id);
            return;
        }
        ctx.json(summary);
    }

    /**
     * POST residents/{id}/erasure (admin only): erases the resident, with a reason and an optional
     * reference; only the tombstone and the audit entries stay.
     */
    void erase(Context ctx) throws JsonProcessingException {
        UUID id = residentId(ctx);
        if (id == null) {
            return;
        }
        JsonNode body = SyncServer.jsonObject(ctx);
        if (body == null) {
            return;
        }
        DeviceSession device = ctx.attribute(OFFICE);
        if (device.role() != Role.ADMIN) {
            SyncServer.refuse(ctx, HttpStatus.FORBIDDEN, "forbidden", "Only an admin erases a resident.");
            return;
        }
        ErasureRequest request = Json.mapper().treeToValue(body, ErasureRequest.class);
        String reference = request.reference() == null || request.reference().isBlank() ? null : request.reference().strip();
        if (request.reason() == null || request.reason() == ErasureReason.RETENTION) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request",
                    "A reason is needed: request (the resident asked) or wrongly_registered.");
            return;
        }
        if (reference != null && (reference.length() > MAX_REFERENCE || !REFERENCE.matcher(reference).matches())) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request",
                    "The reference is at most " + MAX_REFERENCE + " characters on one line: a case number, not a story.");
            return;
        }
        ErasureResult result = store.erase(id, request.reason(), reference, Actor.of(device), clock.instant());
        if (result == null) {
            refuseUnknown(ctx, id);
            return;
        }
        event("office_erase", device, " reason=" + request.reason().name().toLowerCase(Locale.ROOT) + " records=" + result.records());
        ctx.json(result);
    }

    /** 409 for a resident erased before, 404 for one the server never had. */
    private void refuseUnknown(Context ctx, UUID id) {
        if (store.isErased(id)) {
            SyncServer.refuse(ctx, HttpStatus.CONFLICT, "erased", "This resident was erased; only the tombstone and the audit log are left.");
        } else {
            SyncServer.refuse(ctx, HttpStatus.NOT_FOUND, "unknown_resident", "There is no resident with that id.");
        }
    }

    /** POST assignments: these residents to this coach, all or none; their history reaches the coach's laptop at its next sync. */
    void assign(Context ctx) throws JsonProcessingException {
        DeviceSession device = ctx.attribute(OFFICE);
        JsonNode body = SyncServer.jsonObject(ctx);
        if (body == null) {
            return;
        }
        AssignRequest request = Json.mapper().treeToValue(body, AssignRequest.class);
        if (request.coachId() == null || request.residentIds() == null || request.residentIds().isEmpty()
                || request.residentIds().size() > MAX_ASSIGN || request.residentIds().contains(null)) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request",
                    "coach_id and resident_ids (1 to " + MAX_ASSIGN + " resident ids) are both needed.");
            return;
        }
        Assignment result = store.officeResidents().assign(request.residentIds(), request.coachId(), Actor.of(device),
                clock.instant());
        if (!result.coachKnown()) {
            SyncServer.refuse(ctx, HttpStatus.NOT_FOUND, "unknown_coach", "There is no coach with that id; nothing was moved.");
        } else if (result.unknownResidents() > 0) {
            SyncServer.refuse(ctx, HttpStatus.NOT_FOUND, "unknown_residents",
                    result.unknownResidents() + " of the residents are unknown; nothing was moved.");
        } else {
            event("office_assign", device, " to_coach=" + request.coachId() + " moved=" + result.moved()
                    + " already_with_coach=" + result.alreadyWithCoach());
            ctx.json(new AssignResult(request.coachId(), result.moved(), result.alreadyWithCoach()));
        }
    }

    /** GET devices: every device with its user, last sync and what its app last reported. */
    void devices(Context ctx) {
        ctx.json(new DeviceList(accounts.devices().stream().map(d -> new DeviceSummary(d.id(), d.name(), d.userName(),
                d.role().name().toLowerCase(Locale.ROOT), d.enrolledAt(), d.lastSeenAt(), d.lastSyncAt(), d.appVersion(),
                d.waitingChanges(), d.revokedAt())).toList()));
    }

    /** POST devices/{id}/revoke: the device's token opens nothing any more; the laptop wipes itself at its next contact. */
    void revoke(Context ctx) {
        DeviceSession device = ctx.attribute(OFFICE);
        UUID id = uuid(ctx.pathParam("id"));
        if (id == null) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "The device id must be a UUID.");
            return;
        }
        if (!accounts.deviceExists(id)) {
            SyncServer.refuse(ctx, HttpStatus.NOT_FOUND, "unknown_device", "There is no device with that id.");
            return;
        }
        boolean revoked = accounts.revoke(id, clock.instant());
        event("office_revoke", device, " revoked_device=" + id + " was_revoked_before=" + !revoked);
        ctx.json(new RevokeResult(id, revoked));
    }

    /** POST users: a coach (with their coach id) or office user; only an admin makes an admin. */
    void createUser(Context ctx) throws JsonProcessingException {
        DeviceSession device = ctx.attribute(OFFICE);
        JsonNode body = SyncServer.jsonObject(ctx);
        if (body == null) {
            return;
        }
        NewUser request = Json.mapper().treeToValue(body, NewUser.class);
        Role role = role(request.role());
        if (request.userName() == null || !USER_NAME.matcher(request.userName()).matches() || role == null
                || request.password() == null) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "user_name (2 to 64 letters, digits, '.', '_' or '-'), "
                    + "password and role (coach, office or admin) are all needed.");
            return;
        }
        if (request.password().length() < MIN_PASSWORD) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "weak_password", "The password must have at least " + MIN_PASSWORD + " characters.");
            return;
        }
        if (role == Role.COACH ? request.coachId() == null : request.coachId() != null) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "A coach user needs coach_id; an office or admin user has none.");
            return;
        }
        if (role == Role.ADMIN && device.role() != Role.ADMIN) {
            SyncServer.refuse(ctx, HttpStatus.FORBIDDEN, "forbidden", "Only an admin can make an admin.");
            return;
        }
        if (request.coachId() != null && !store.coaches().exists(request.coachId())) {
            SyncServer.refuse(ctx, HttpStatus.NOT_FOUND, "unknown_coach", "There is no coach with that id.");
            return;
        }
        if (accounts.exists(request.userName())) {
            SyncServer.refuse(ctx, HttpStatus.CONFLICT, "user_exists", "That user name is taken; choose another.");
            return;
        }
        UUID id = accounts.createUser(request.userName(), role, request.coachId(), request.password().toCharArray());
        event("office_create_user", device, " new_user=" + id + " role=" + role.name().toLowerCase(Locale.ROOT));
        ctx.status(HttpStatus.CREATED).json(new UserCreated(id, request.userName(), role.name().toLowerCase(Locale.ROOT),
                request.coachId()));
    }

    /** POST enrolment-codes: a one-time code for a user to enrol one laptop, shown this once. */
    void enrolmentCode(Context ctx) throws JsonProcessingException {
        DeviceSession device = ctx.attribute(OFFICE);
        JsonNode body = SyncServer.jsonObject(ctx);
        if (body == null) {
            return;
        }
        EnrolmentCodeRequest request = Json.mapper().treeToValue(body, EnrolmentCodeRequest.class);
        int hours = request.validHours() == null ? 24 : request.validHours();
        if (request.userName() == null || request.userName().isBlank() || hours < 1 || hours > 168) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "user_name is needed; valid_hours is 1 to 168 (default 24).");
            return;
        }
        Optional<Role> role = accounts.roleOf(request.userName());
        if (role.isEmpty()) {
            SyncServer.refuse(ctx, HttpStatus.NOT_FOUND, "unknown_user", "There is no user with that name.");
            return;
        }
        if (role.get() == Role.ADMIN && device.role() != Role.ADMIN) {
            SyncServer.refuse(ctx, HttpStatus.FORBIDDEN, "forbidden", "Only an admin can enrol a device for an admin.");
            return;
        }
        Instant now = clock.instant();
        Duration valid = Duration.ofHours(hours);
        String code = accounts.createEnrolmentCode(request.userName().trim(), valid, now);
        event("office_enrolment_code", device, " for_role=" + role.get().name().toLowerCase(Locale.ROOT) + " valid_hours=" + hours);
        ctx.status(HttpStatus.CREATED).json(new EnrolmentCode(code, request.userName().trim(), now.plus(valid)));
    }

    /**
     * GET reports?from=&to=&scope=&value=&as_of=&format=: the council's figures (docs/reports.md) for
     * the period, both days inclusive, and the scope; as JSON, exact, or as the CSV that may leave
     * the office, with counts below 5 at wijk or coach level as "&lt; 5", as the {@code report}
     * command writes it.
     */
    void report(Context ctx) {
        DeviceSession device = ctx.attribute(OFFICE);
        LocalDate from = Json.isoDate(Objects.requireNonNullElse(ctx.queryParam("from"), "").trim());
        LocalDate to = Json.isoDate(Objects.requireNonNullElse(ctx.queryParam("to"), "").trim());
        if (from == null || to == null) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "from and to are both needed, as dates (yyyy-MM-dd).");
            return;
        }
        if (from.isAfter(to)) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "The period ends (to " + to + ") before it starts (from "
                    + from + ").");
            return;
        }
        if (to.isAfter(from.plusYears(MAX_REPORT_YEARS))) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "A report covers at most " + MAX_REPORT_YEARS + " years.");
            return;
        }
        String asOfText = ctx.queryParam("as_of");
        LocalDate asOf = asOfText == null || asOfText.isBlank() ? LocalDate.now(clock.withZone(AMSTERDAM)) : Json.isoDate(asOfText.trim());
        if (asOf == null) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "as_of must be a date (yyyy-MM-dd); without it: today.");
            return;
        }
        String format = Objects.requireNonNullElse(ctx.queryParam("format"), "json").trim().toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("csv")) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "format is json (the default) or csv.");
            return;
        }
        ReportScope scope = reportScope(ctx);
        if (scope == null) {
            return;
        }
        ReportFigures figures = new Reports(store).figures(from, to, scope, asOf);
        String counts = " scope=" + scope.level().name().toLowerCase(Locale.ROOT) + " in_group=" + figures.reach().inGroup()
                + " conversations=" + figures.approaches().conversations();
        if (format.equals("csv")) {
            event("office_export", device, counts);
            ctx.contentType(OfficeApi.REPORT_CSV).result(ReportExport.csv(figures));
        } else {
            event("office_report", device, counts);
            ctx.json(figures);
        }
    }

    /** The report's scope from {@code scope} (city, area, wijk, coach; default city) and {@code value}; null when refused. */
    private ReportScope reportScope(Context ctx) {
        String level = Objects.requireNonNullElse(ctx.queryParam("scope"), "city").trim().toLowerCase(Locale.ROOT);
        String value = ctx.queryParam("value") == null || ctx.queryParam("value").isBlank() ? null : ctx.queryParam("value").trim();
        if (!List.of("city", "area", "wijk", "coach").contains(level)) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "scope is city (the default), area, wijk or coach.");
            return null;
        }
        if (level.equals("city") != (value == null)) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", level.equals("city")
                    ? "The whole city takes no value; for one area, wijk or coach give scope too."
                    : "A scope of " + level + " needs a value: the " + (level.equals("coach") ? "coach's id" : level + "'s name") + ".");
            return null;
        }
        switch (level) {
            case "area" -> {
                Optional<String> area = store.coaches().areas().stream().filter(a -> a.equalsIgnoreCase(value)).findFirst();
                if (area.isEmpty()) {
                    SyncServer.refuse(ctx, HttpStatus.NOT_FOUND, "unknown_area", "No coach works in an area of that name.");
                    return null;
                }
                return ReportScope.area(area.get());
            }
            case "wijk" -> {
                return ReportScope.wijk(value);
            }
            case "coach" -> {
                UUID coach = uuid(value);
                if (coach == null) {
                    SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "A scope of coach needs the coach's id (a UUID).");
                    return null;
                }
                if (!store.coaches().exists(coach)) {
                    SyncServer.refuse(ctx, HttpStatus.NOT_FOUND, "unknown_coach", "There is no coach with that id.");
                    return null;
                }
                return ReportScope.coach(coach);
            }
            default -> {
                return ReportScope.city();
            }
        }
    }

    /** The request's CSV body, read and checked; null when refused (not text/csv, too large, not UTF-8 is a problem in the file). */
    private CaseloadCsv.Parsed csv(Context ctx) {
        String contentType = ctx.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(OfficeApi.CSV)) {
            SyncServer.refuse(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "A caseload file is sent as " + OfficeApi.CSV + " (UTF-8).");
            return null;
        }
        byte[] bytes;
        try {
            bytes = ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            throw e;
        } catch (Exception e) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "The request body could not be read.");
            return null;
        }
        Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return CaseloadCsv.read(reader, LocalDate.now(clock.withZone(AMSTERDAM)));
    }

    /** The coach (user name or coach id) for rows that name none: the query parameter {@code coach}, or none. */
    private static String defaultCoach(Context ctx) {
        String coach = ctx.queryParam("coach");
        return coach == null || coach.isBlank() ? null : coach.trim();
    }

    private static List<ImportProblem> problems(CaseloadImportResult result) {
        return result.problems().stream().sorted(Comparator.comparingInt(CaseloadProblem::line))
                .map(p -> new ImportProblem(p.line(), p.column(), p.message())).toList();
    }

    private static ImportResult counts(CaseloadImportResult result) {
        return new ImportResult(result.added(), result.updated(), result.unchanged(), result.withoutCoach(), result.coachNotChanged(),
                result.leftGroup());
    }

    private static ImportRow row(CaseloadRow row) {
        String name = String.join(" ", java.util.stream.Stream.of(row.givenName(), row.surnamePrefix(), row.surname())
                .filter(part -> part != null && !part.isBlank()).toList());
        return new ImportRow(row.line(), row.clientNumber(), name, row.postcode(), row.wijk(), row.coach());
    }

    private static Role role(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Role.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The resident id in the path, or null, refused with 400: not an id. */
    private static UUID residentId(Context ctx) {
        UUID id = uuid(ctx.pathParam("id"));
        if (id == null) {
            SyncServer.refuse(ctx, HttpStatus.BAD_REQUEST, "bad_request", "The resident id is not a valid id.");
        }
        return id;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An office action's log line: who (the staff user's and device's ids), what, counts; nothing of a resident. */
    private static void event(String event, DeviceSession device, String counts) {
        LOG.info("event={} user={} device={}{}", event, device.userId(), device.deviceId(), counts);
    }

    private static void stop(Context ctx, HttpStatus status, String code, String message) {
        SyncServer.refuse(ctx, status, code, message);
        ctx.skipRemainingHandlers();
    }
}
