package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;

/**
 * The one table of the kinds of record that travel between laptop and server: each kind's name on
 * the wire ({@code Change.kind}, {@code PulledChange.kind}), the contract record its body parses
 * as, and how sync treats it. The app's store, the server's push and pull, and the tests all read
 * it from here.
 */
public enum RecordKind {
    RESIDENT("resident", Resident.class, Merge.PER_FIELD),
    CONTACT_ATTEMPT("contact_attempt", ContactAttempt.class, Merge.WHOLE),
    APPOINTMENT("appointment", Appointment.class, Merge.PER_FIELD),
    /** Never edited once final (corrections are new records): written whole. */
    CONVERSATION("conversation", Conversation.class, Merge.WHOLE),
    AGREEMENT("agreement", Agreement.class, Merge.PER_FIELD),
    REFERRAL("referral", Referral.class, Merge.PER_FIELD),
    DEVELOPMENT_PLAN("development_plan", DevelopmentPlan.class, Merge.PER_FIELD),
    /** Both values of a field changed on two sides; made by the server, deleted by the laptop once resolved. */
    CONFLICT("conflict", Conflict.class, Merge.WHOLE),
    /**
     * Pulled only, with no body: the resident moved to another coach; the laptop pushes what it has
     * for them, then purges them.
     */
    RESIDENT_MOVED("resident_moved", null, Merge.NOT_PUSHED),
    /**
     * Pulled only, with no body: the resident was erased; the laptop purges them at once, with
     * whatever it still had waiting for them (an app older than {@link Protocol#ERASURE_SCHEMA}
     * gets a {@link #RESIDENT_MOVED} instead, which purges them as well).
     */
    RESIDENT_ERASED("resident_erased", null, Merge.NOT_PUSHED);

    /** The wire names a laptop may push (openapi.json's {@code RecordKind}). */
    public static final Set<String> PUSHABLE = Arrays.stream(values()).filter(RecordKind::pushable)
            .map(RecordKind::wireName).collect(Collectors.toUnmodifiableSet());

    /** How a pushed change of a kind is applied on the server. */
    private enum Merge { PER_FIELD, WHOLE, NOT_PUSHED }

    private final String wireName;
    private final Class<?> type;
    private final Merge merge;

    RecordKind(String wireName, Class<?> type, Merge merge) {
        this.wireName = wireName;
        this.type = type;
        this.merge = merge;
    }

    /** The kind's name in JSON and in both databases. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The contract record a body of this kind must parse as; null for the markers ({@link #RESIDENT_MOVED}, {@link #RESIDENT_ERASED}), which have no body. */
    public Class<?> type() {
        return type;
    }

    /** Whether a laptop may push this kind. */
    public boolean pushable() {
        return merge != Merge.NOT_PUSHED;
    }

    /** Whether the server merges a pushed change per field; the other kinds are written whole. */
    public boolean mergedPerField() {
        return merge == Merge.PER_FIELD;
    }

    /** Whether this is the kind with this wire name. */
    public boolean is(String name) {
        return wireName.equals(name);
    }

    /** The kind with this wire name, or empty for a name that is none (or null). */
    public static Optional<RecordKind> ofWireName(String name) {
        for (RecordKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
