package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A resident in a coach's caseload: only what the work needs. "Known at WIJ" is a flag and never
 * more (AVG: WIJ case content is not linked).
 */
public record Resident(
        @JsonProperty("id") UUID id,
        @JsonProperty("coach_id") UUID coachId,
        @JsonProperty("client_number") String clientNumber,
        @JsonProperty("given_name") String givenName,
        @JsonProperty("surname_prefix") String surnamePrefix,
        @JsonProperty("surname") String surname,
        @JsonProperty("street") String street,
        @JsonProperty("house_number") String houseNumber,
        @JsonProperty("postcode") String postcode,
        @JsonProperty("wijk") String wijk,
        @JsonProperty("date_of_birth") LocalDate dateOfBirth,
        @JsonProperty("phone") String phone,
        @JsonProperty("known_at_wij") boolean knownAtWij,
        @JsonProperty("specialist_team") boolean specialistTeam,
        @JsonProperty("contact_term_months") int contactTermMonths,
        @JsonProperty("initiative") Initiative initiative,
        @JsonProperty("outreach_status") OutreachStatus outreachStatus,
        @JsonProperty("next_contact_due") LocalDate nextContactDue) {

    /** The name as a Dutch reader expects it: "Jan de Vries". */
    public String fullName() {
        return surnamePrefix == null || surnamePrefix.isBlank()
                ? givenName + " " + surname
                : givenName + " " + surnamePrefix + " " + surname;
    }

    /** The same resident with the contact arrangement and outreach status changed. */
    public Resident withContact(int termMonths, Initiative newInitiative, OutreachStatus status, LocalDate nextDue) {
        return new Resident(id, coachId, clientNumber, givenName, surnamePrefix, surname, street, houseNumber, postcode,
                wijk, dateOfBirth, phone, knownAtWij, specialistTeam, termMonths, newInitiative, status, nextDue);
    }

    /** Street and house number, "Proefstraat 12a". */
    public String address() {
        return street + " " + houseNumber;
    }
}
