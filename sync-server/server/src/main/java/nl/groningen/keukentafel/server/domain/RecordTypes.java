package nl.groningen.keukentafel.server.domain;

import java.util.Map;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;

/** Which contract record each kind of synced record must parse as: a body that does not is refused. */
public final class RecordTypes {

    private static final Map<String, Class<?>> TYPES = Map.of(
            "resident", Resident.class,
            "contact_attempt", ContactAttempt.class,
            "appointment", Appointment.class,
            "conversation", Conversation.class,
            "agreement", Agreement.class,
            "referral", Referral.class,
            "development_plan", DevelopmentPlan.class,
            "conflict", Conflict.class);

    private RecordTypes() {
    }

    /** The record class for a kind, or null for a kind that does not exist. */
    public static Class<?> of(String kind) {
        return kind == null ? null : TYPES.get(kind);
    }
}
