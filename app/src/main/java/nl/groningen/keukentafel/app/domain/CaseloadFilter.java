package nl.groningen.keukentafel.app.domain;

import java.time.LocalDate;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Resident;

/**
 * What the coach narrows the caseload to: typed text (name, address, postcode, client number),
 * a wijk, an outreach status, only residents due or overdue for contact, only those with open
 * agreements. Null or blank means "any".
 */
public record CaseloadFilter(String text, String wijk, OutreachStatus status, boolean dueOnly, boolean openAgreementsOnly) {

    public static final CaseloadFilter ALL = new CaseloadFilter("", null, null, false, false);

    public static CaseloadFilter text(String text) {
        return new CaseloadFilter(text, null, null, false, false);
    }

    boolean accepts(Resident resident, ResidentRecords records, LocalDate today) {
        return (wijk == null || wijk.isBlank() || wijk.equals(resident.wijk()))
                && (status == null || status == resident.outreachStatus())
                && (!dueOnly || NextContact.dueSoonOrOverdue(resident.nextContactDue(), today))
                && (!openAgreementsOnly || records.hasOpenAgreements());
    }
}
