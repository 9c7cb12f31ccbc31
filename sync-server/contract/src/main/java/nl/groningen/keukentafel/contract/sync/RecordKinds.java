package nl.groningen.keukentafel.contract.sync;

import java.util.Set;

/** The kinds of record that travel between laptop and server. */
public final class RecordKinds {

    public static final String RESIDENT = "resident";
    public static final String CONVERSATION = "conversation";
    public static final String CONTACT_ATTEMPT = "contact_attempt";
    public static final String APPOINTMENT = "appointment";
    public static final String AGREEMENT = "agreement";
    public static final String REFERRAL = "referral";
    public static final String DEVELOPMENT_PLAN = "development_plan";
    /** Both values of a field changed on two sides; made by the server, deleted by the laptop once resolved. */
    public static final String CONFLICT = "conflict";
    /** Pulled only: the resident moved to another coach; the laptop pushes what it has for them, then purges. */
    public static final String RESIDENT_MOVED = "resident_moved";

    /** The kinds a laptop may push. */
    public static final Set<String> ALL = Set.of(RESIDENT, CONTACT_ATTEMPT, APPOINTMENT, CONVERSATION, AGREEMENT,
            REFERRAL, DEVELOPMENT_PLAN, CONFLICT);
    /** The kinds merged per field; the others are written whole (conversations are never edited once final). */
    public static final Set<String> MERGED = Set.of(RESIDENT, APPOINTMENT, AGREEMENT, REFERRAL, DEVELOPMENT_PLAN);

    private RecordKinds() {
    }
}
