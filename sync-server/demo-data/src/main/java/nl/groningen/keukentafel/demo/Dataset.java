package nl.groningen.keukentafel.demo;

import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.SocialMapEntry;

/** A generated set of coaches and their caseloads with all records, plus the sociale kaart, as the wire contract has them. */
public record Dataset(
        List<Coach> coaches,
        List<Resident> residents,
        List<ContactAttempt> contactAttempts,
        List<Appointment> appointments,
        List<Conversation> conversations,
        List<Agreement> agreements,
        List<Referral> referrals,
        List<DevelopmentPlan> developmentPlans,
        List<SocialMapEntry> socialMap) {

    public Dataset {
        coaches = List.copyOf(coaches);
        residents = List.copyOf(residents);
        contactAttempts = List.copyOf(contactAttempts);
        appointments = List.copyOf(appointments);
        conversations = List.copyOf(conversations);
        agreements = List.copyOf(agreements);
        referrals = List.copyOf(referrals);
        developmentPlans = List.copyOf(developmentPlans);
        socialMap = List.copyOf(socialMap);
    }

    /** The residents assigned to one coach. */
    public List<Resident> caseloadOf(UUID coachId) {
        return residents.stream().filter(r -> r.coachId().equals(coachId)).toList();
    }
}
