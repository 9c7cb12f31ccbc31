package nl.groningen.keukentafel.app.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;

/**
 * One list of everything still open across the caseload, agreements and referrals alike, so that
 * nothing promised is forgotten: the first due first (the late ones on top), a date-less one last.
 */
public final class OpenItems {

    private OpenItems() {
    }

    /** Every open agreement and open referral in the caseload, the first due first. */
    public static List<OpenItem> of(Caseload caseload) {
        List<OpenItem> items = new ArrayList<>();
        for (Resident resident : caseload.residents()) {
            ResidentRecords records = caseload.recordsOf(resident.id());
            for (Agreement a : records.agreements()) {
                if (a.status() == AgreementStatus.OPEN) {
                    items.add(new OpenItem.OpenAgreement(resident, a));
                }
            }
            for (Referral r : records.referrals()) {
                if (Referrals.isOpen(r)) {
                    items.add(new OpenItem.OpenReferral(resident, r));
                }
            }
        }
        items.sort(order());
        return List.copyOf(items);
    }

    /** On the same day: by the resident's surname, an agreement before a referral. */
    private static Comparator<OpenItem> order() {
        return Comparator.comparing(OpenItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(OpenItem::resident, CaseloadOrder.bySurname())
                .thenComparing(OpenItem::kind);
    }

    /** Only the items of {@code kind}, in the same order; all of them when {@code kind} is null. */
    public static List<OpenItem> only(List<OpenItem> items, OpenItem.Kind kind) {
        return kind == null ? items : items.stream().filter(i -> i.kind() == kind).toList();
    }
}
