package nl.groningen.keukentafel.app.domain;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Collection;
import java.util.List;
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
        Collator collator = collator();
        return Comparator.comparing(Resident::surname, collator)
                .thenComparing(Resident::givenName, collator)
                .thenComparing(Resident::clientNumber);
    }

    /**
     * The residents in caseload order. Collation keys are made once per resident, so sorting a
     * whole city (11,000) takes milliseconds, not a collator comparison per pair.
     */
    public static List<Resident> sort(Collection<Resident> residents) {
        Collator collator = collator();
        record Keyed(CollationKey surname, CollationKey givenName, Resident resident) {
        }
        return residents.stream()
                .map(r -> new Keyed(collator.getCollationKey(r.surname()), collator.getCollationKey(r.givenName()), r))
                .sorted(Comparator.comparing(Keyed::surname).thenComparing(Keyed::givenName)
                        .thenComparing(k -> k.resident().clientNumber()))
                .map(Keyed::resident)
                .toList();
    }

    /**
     * Loads the Dutch collation rules (tens of milliseconds the first time in a JVM; after that a
     * collator is a copy of the loaded one), so that a sort started later does not wait for them.
     */
    public static void loadRules() {
        collator();
    }

    private static Collator collator() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("nl-NL"));
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }

    /** "Oefensma, Anna van der": how a list sorted by surname shows a name. */
    public static String listName(Resident resident) {
        String prefix = resident.surnamePrefix();
        return prefix == null || prefix.isBlank()
                ? resident.surname() + ", " + resident.givenName()
                : resident.surname() + ", " + resident.givenName() + " " + prefix;
    }
}
