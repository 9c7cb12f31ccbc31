package nl.groningen.keukentafel.server.domain;

import java.time.LocalDate;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Resident;

/**
 * One resident from a caseload import file, already checked: what the office knows of a resident
 * before the coach has met them.
 *
 * @param line  the file line the row starts on, for messages
 * @param coach the coach named on the row (a user name or a coach id), or null
 * @param leftGroupOn the day the resident left the group (benefit ended, moved away), or null: still in it
 */
public record CaseloadRow(int line, String clientNumber, String givenName, String surnamePrefix, String surname, String street,
                          String houseNumber, String postcode, String wijk, LocalDate dateOfBirth, String phone, boolean knownAtWij,
                          boolean specialistTeam, String coach,
                          LocalDate leftGroupOn) {

    /** Months between contacts for a new resident until the coach agrees another term with them. */
    public static final int DEFAULT_CONTACT_TERM_MONTHS = 6;

    /**
     * A new resident from this row: outreach still to schedule (or only the fact "known at WIJ",
     * who are not invited), contact every {@value #DEFAULT_CONTACT_TERM_MONTHS} months at the
     * coach's initiative, no contact planned yet.
     */
    public Resident newResident(UUID id, UUID coachId) {
        return new Resident(id, coachId, clientNumber, givenName, surnamePrefix, surname, street, houseNumber, postcode, wijk,
                dateOfBirth, phone, knownAtWij, specialistTeam, DEFAULT_CONTACT_TERM_MONTHS, Initiative.COACH,
                knownAtWij ? OutreachStatus.KNOWN_AT_WIJ : OutreachStatus.TO_SCHEDULE, null);
    }

    /**
     * The resident with this row's contact details (street, house number, postcode, wijk, phone):
     * what a re-import changes. Everything the coach keeps (status, contact term, next contact)
     * and the assignment stay as they are.
     */
    public Resident contactDetailsOnto(Resident existing) {
        return new Resident(existing.id(), existing.coachId(), existing.clientNumber(), existing.givenName(),
                existing.surnamePrefix(), existing.surname(), street, houseNumber, postcode, wijk, existing.dateOfBirth(),
                phone, existing.knownAtWij(), existing.specialistTeam(), existing.contactTermMonths(), existing.initiative(),
                existing.outreachStatus(), existing.nextContactDue());
    }
}
