package nl.groningen.keukentafel.app.store;

/** The kinds of sealed record in the local database, with the code stored beside each. */
enum RecordKind {
    CONTACT_ATTEMPT("contact_attempt"),
    APPOINTMENT("appointment"),
    CONVERSATION("conversation"),
    DRAFT("draft"),
    AGREEMENT("agreement"),
    REFERRAL("referral"),
    DEVELOPMENT_PLAN("development_plan"),
    /** A field changed on two sides, made by the server; not part of a resident's records, listed apart. */
    CONFLICT("conflict");

    private final String code;

    RecordKind(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** Whether changes to this kind travel to the server (a draft stays on the laptop until finalised). */
    boolean synced() {
        return this != DRAFT;
    }

    static RecordKind of(String code) {
        for (RecordKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new LocalStoreException("Unknown record kind in the local database: " + code, null);
    }
}
