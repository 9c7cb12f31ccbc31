package nl.groningen.keukentafel.app.ui.attempt;

import java.util.UUID;
import java.util.function.Consumer;
import nl.groningen.keukentafel.app.domain.OutreachRules;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.ContactChannel;
import nl.groningen.keukentafel.contract.ContactResult;
import nl.groningen.keukentafel.contract.Resident;

/** Records a contact attempt and the outreach status it leads to, from any screen. */
public final class ContactAttempts {

    private ContactAttempts() {
    }

    public static void log(CoachSession session, UUID residentId, ContactChannel channel, ContactResult result,
                           Runnable done, Consumer<String> failed) {
        Resident r = session.caseload().resident(residentId).orElseThrow();
        ContactAttempt attempt = new ContactAttempt(UUID.randomUUID(), residentId, session.today(), channel, result);
        Resident updated = r.withContact(r.contactTermMonths(), r.initiative(),
                OutreachRules.afterAttempt(r.outreachStatus(), result), r.nextContactDue());
        session.save(store -> store.saveContactAttempt(attempt, updated), () -> {
            ResidentRecords records = session.caseload().recordsOf(residentId);
            session.caseload().put(updated);
            session.caseload().put(residentId, records.withAttempt(attempt));
        }, done, failed);
    }
}
