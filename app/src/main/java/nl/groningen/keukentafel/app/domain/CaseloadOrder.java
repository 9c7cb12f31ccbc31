package nl.groningen.keukentafel.app.domain;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import nl.groningen.keukentafel.contract.Resident;

/**
 * The order a Dutch caseload list is read in: by surname without its prefix ("de Vries" under V),
 * then given name, then client number; accents and case do not change the order.
 */
public final class CaseloadOrder {

    private CaseloadOrder() {
    }

    public static Comparator<Resident> bySurname() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("nl-NL"));
        collator.setStrength(Collator.SECONDARY);
        return Comparator.comparing(Resident::surname, collator)
                .thenComparing(Resident::givenName, collator)
                .thenComparing(Resident::clientNumber);
    }

    /** "Oefensma, Anna van der": how a list sorted by surname shows a name. */
    public static String listName(Resident resident) {
        String prefix = resident.surnamePrefix();
        return prefix == null || prefix.isBlank()
                ? resident.surname() + ", " + resident.givenName()
                : resident.surname() + ", " + resident.givenName() + " " + prefix;
    }
}
