package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;

/**
 * Everything held about one resident, for their right of access (AVG art. 15): the resident and
 * every record, as the contract has them (machine-readable, so it can go elsewhere too), and the
 * audit trail. {@code source}: {@code server} when the office made it (everything the server holds,
 * with who saw it), {@code laptop} when a coach made it from the dossier (what that laptop holds;
 * no audit trail, which only the server keeps).
 */
public record AccessExport(
        @JsonProperty("made_at") Instant madeAt,
        @JsonProperty("source") String source,
        @JsonProperty("resident") Resident resident,
        @JsonProperty("contact_attempts") List<ContactAttempt> contactAttempts,
        @JsonProperty("appointments") List<Appointment> appointments,
        @JsonProperty("conversations") List<Conversation> conversations,
        @JsonProperty("agreements") List<Agreement> agreements,
        @JsonProperty("referrals") List<Referral> referrals,
        @JsonProperty("development_plans") List<DevelopmentPlan> developmentPlans,
        @JsonProperty("conflicts") List<Conflict> conflicts,
        @JsonProperty("audit") List<AuditEntry> audit) {

    /** Made at the office, from everything the server holds. */
    public static final String SERVER = "server";
    /** Made on a coach's laptop, from what it holds. */
    public static final String LAPTOP = "laptop";

    public AccessExport {
        contactAttempts = List.copyOf(contactAttempts);
        appointments = List.copyOf(appointments);
        conversations = List.copyOf(conversations);
        agreements = List.copyOf(agreements);
        referrals = List.copyOf(referrals);
        developmentPlans = List.copyOf(developmentPlans);
        conflicts = List.copyOf(conflicts);
        audit = List.copyOf(audit);
    }

    /** How many records it holds (the resident not counted). */
    public int recordCount() {
        return contactAttempts.size() + appointments.size() + conversations.size() + agreements.size() + referrals.size()
                + developmentPlans.size() + conflicts.size();
    }
}
