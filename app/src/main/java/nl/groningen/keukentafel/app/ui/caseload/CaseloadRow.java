package nl.groningen.keukentafel.app.ui.caseload;

import java.time.LocalDate;
import java.util.UUID;

/** One line of the caseload list, in the words the coach reads. */
public record CaseloadRow(
        UUID residentId,
        String name,
        String address,
        String postcode,
        String wijk,
        String clientNumber,
        String outreachStatus,
        LocalDate nextContactDue,
        boolean due) {
}
