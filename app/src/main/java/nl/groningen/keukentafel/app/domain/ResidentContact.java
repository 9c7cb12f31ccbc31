package nl.groningen.keukentafel.app.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.groningen.keukentafel.contract.Resident;

/**
 * A resident's phone and address as the coach corrects them at the kitchen table: street and
 * house number are needed, a Dutch postcode is written "9712 AB", a phone number (optional) has
 * 6 to 15 digits (as the office's caseload import accepts). The wijk stays as the office set it.
 */
public final class ResidentContact {

    private static final Pattern POSTCODE = Pattern.compile("([1-9][0-9]{3}) ?([A-Za-z]{2})");
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[0-9 +()\\-]*");

    /** Why the details cannot be saved as they stand. */
    public enum Problem {
        /** No street or no house number. */
        NO_ADDRESS,
        /** Not a Dutch postcode. */
        POSTCODE,
        /** Not a phone number. */
        PHONE
    }

    private ResidentContact() {
    }

    /** What is wrong with the details, if anything. */
    public static Optional<Problem> problem(String street, String houseNumber, String postcode, String phone) {
        if (blank(street) || blank(houseNumber)) {
            return Optional.of(Problem.NO_ADDRESS);
        }
        if (blank(postcode) || !POSTCODE.matcher(postcode.trim()).matches()) {
            return Optional.of(Problem.POSTCODE);
        }
        if (!blank(phone)) {
            long digits = phone.chars().filter(Character::isDigit).count();
            if (!PHONE_CHARACTERS.matcher(phone.trim()).matches() || digits < 6 || digits > 15) {
                return Optional.of(Problem.PHONE);
            }
        }
        return Optional.empty();
    }

    /** The resident with the new details (trimmed, the postcode as "9712 AB", no phone when blank). Refuses details with a {@link #problem}. */
    public static Resident changed(Resident r, String street, String houseNumber, String postcode, String phone) {
        problem(street, houseNumber, postcode, phone).ifPresent(p -> {
            throw new IllegalArgumentException("Contact details " + p);
        });
        var code = POSTCODE.matcher(postcode.trim());
        code.matches();
        String normalPostcode = code.group(1) + " " + code.group(2).toUpperCase(Locale.ROOT);
        return new Resident(r.id(), r.coachId(), r.clientNumber(), r.givenName(), r.surnamePrefix(), r.surname(),
                street.trim(), houseNumber.trim(), normalPostcode, r.wijk(), r.dateOfBirth(), blank(phone) ? null : phone.trim(),
                r.knownAtWij(), r.specialistTeam(), r.contactTermMonths(), r.initiative(), r.outreachStatus(), r.nextContactDue());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
