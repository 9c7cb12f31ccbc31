package nl.groningen.keukentafel.app.office;

/** Why an office request failed, each with the Dutch sentence the office screens show ({@code office.failure.*}). */
public enum OfficeFailure {
    /** The server cannot be reached: the office works online only, nothing was stored. */
    OFFLINE("office.failure.offline"),
    /** The office session lapsed (30 minutes unused) or was never opened: log in again. */
    SESSION_ENDED("office.failure.sessionEnded"),
    /** This office PC was revoked. */
    REVOKED("office.failure.revoked"),
    /** This PC is not enrolled (its token is unknown to the server). */
    NOT_ENROLLED("office.failure.notEnrolled"),
    /** The user may not do this (an office user asking for what only an admin may). */
    FORBIDDEN("office.failure.forbidden"),
    WRONG_PASSWORD("office.failure.wrongPassword"),
    LOCKED_OUT("office.failure.lockedOut"),
    /** The caseload file has problems: nothing was imported. */
    IMPORT_PROBLEMS("office.failure.importProblems"),
    /** The coach, resident, device or user asked for no longer exists. */
    NOT_FOUND("office.failure.notFound"),
    /** The resident was erased already: only their tombstone and audit entries are left. */
    ALREADY_ERASED("office.failure.alreadyErased"),
    /** A user of that name exists already. */
    USER_EXISTS("office.failure.userExists"),
    WEAK_PASSWORD("office.failure.weakPassword"),
    APP_TOO_OLD("office.failure.appTooOld"),
    /** The server refused the request as it was sent. */
    REFUSED("office.failure.refused"),
    SERVER_ERROR("office.failure.serverError");

    private final String messageKey;

    OfficeFailure(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The failure an error code of the server's JSON error shape (or, without one, its HTTP status) stands for. */
    static OfficeFailure of(int status, String code) {
        return switch (code == null ? "" : code) {
            case "device_revoked" -> REVOKED;
            case "unauthorized" -> NOT_ENROLLED;
            case "session_required" -> SESSION_ENDED;
            case "forbidden" -> FORBIDDEN;
            case "wrong_credentials" -> WRONG_PASSWORD;
            case "locked_out" -> LOCKED_OUT;
            case "import_problems" -> IMPORT_PROBLEMS;
            case "unknown_coach", "unknown_resident", "unknown_residents", "unknown_device", "unknown_user" -> NOT_FOUND;
            case "already_erased", "resident_erased", "erased" -> ALREADY_ERASED;
            case "user_exists" -> USER_EXISTS;
            case "weak_password" -> WEAK_PASSWORD;
            case "app_too_old" -> APP_TOO_OLD;
            default -> status == 426 ? APP_TOO_OLD
                    : status == 401 ? NOT_ENROLLED
                    : status == 403 ? FORBIDDEN
                    : status == 502 || status == 503 || status == 504 ? OFFLINE
                    : status >= 500 ? SERVER_ERROR : REFUSED;
        };
    }
}
