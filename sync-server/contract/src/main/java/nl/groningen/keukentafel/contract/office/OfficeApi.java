package nl.groningen.keukentafel.contract.office;

/**
 * The office API's paths and headers. Every office request carries the office PC's device token
 * ({@code Authorization: Bearer}) and, except the login itself, the session the login answered
 * ({@link #SESSION_HEADER}); see docs/sync.md, "The office".
 */
public final class OfficeApi {

    /** Every office path starts here; a coach's device is refused (403) on all of them. */
    public static final String PREFIX = "/api/v1/office";
    /** The header carrying the office session from {@link #SESSION}. */
    public static final String SESSION_HEADER = "Keukentafel-Office-Session";

    public static final String SESSION = PREFIX + "/session";
    public static final String IMPORT_PREVIEW = PREFIX + "/caseload-import/preview";
    public static final String IMPORT = PREFIX + "/caseload-import";
    /** GET: every coach with their caseload size; POST a {@link NewCoach}: the coach added, as listed. */
    public static final String COACHES = PREFIX + "/coaches";
    public static final String RESIDENTS = PREFIX + "/residents";
    /** GET, with the resident's id for {@code {id}}: the {@link AuditTrail}, who saw or changed them and when. */
    public static final String RESIDENT_AUDIT = PREFIX + "/residents/{id}/audit";
    /** GET: the {@link AccessExport} of everything the server holds about the resident (logged as exported). */
    public static final String RESIDENT_ACCESS = PREFIX + "/residents/{id}/access";
    /** GET: the {@link ErasureSummary} of what erasing would remove; POST an {@link ErasureRequest} (admin only): erase. */
    public static final String RESIDENT_ERASURE = PREFIX + "/residents/{id}/erasure";
    public static final String ASSIGNMENTS = PREFIX + "/assignments";
    public static final String DEVICES = PREFIX + "/devices";
    /** With the device's id for {@code {id}}. */
    public static final String REVOKE = PREFIX + "/devices/{id}/revoke";
    public static final String USERS = PREFIX + "/users";
    public static final String ENROLMENT_CODES = PREFIX + "/enrolment-codes";
    /**
     * The council's figures for a period and scope ({@code from}, {@code to}, {@code scope},
     * {@code value}, {@code as_of}): {@link ReportFigures} as JSON, or with {@code format=csv}
     * the CSV that may leave the office, small counts hidden.
     */
    public static final String REPORTS = PREFIX + "/reports";

    /** The content type of a caseload file. */
    public static final String CSV = "text/csv";
    /** The content type of a report exported as CSV. */
    public static final String REPORT_CSV = CSV + "; charset=utf-8";

    private OfficeApi() {
    }
}
