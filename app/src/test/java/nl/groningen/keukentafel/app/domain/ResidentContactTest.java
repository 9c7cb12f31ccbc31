package nl.groningen.keukentafel.app.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Resident;
import org.junit.jupiter.api.Test;

/** A resident's address and phone as the coach corrects them. */
class ResidentContactTest {

    private static final Resident JAN = new Resident(UUID.randomUUID(), UUID.randomUUID(), "100001", "Jan", "de", "Vries",
            "Proefstraat", "1", "9711 AA", "Selwerd", LocalDate.of(1970, 1, 1), "050 555 0100", false, false, 12,
            Initiative.COACH, OutreachStatus.SPOKEN, LocalDate.of(2027, 1, 1));

    @Test
    void theNewDetailsAreKeptTidyAndTheRestOfTheResidentStaysAsItWas() {
        Resident moved = ResidentContact.changed(JAN, " Oosterstraat ", "12a ", "9711nv", " +31 50 555 0199 ");

        assertThat(moved.address()).isEqualTo("Oosterstraat 12a");
        assertThat(moved.postcode()).isEqualTo("9711 NV");
        assertThat(moved.phone()).isEqualTo("+31 50 555 0199");
        assertThat(moved.wijk()).isEqualTo("Selwerd");
        assertThat(moved.withContact(12, Initiative.COACH, OutreachStatus.SPOKEN, LocalDate.of(2027, 1, 1)))
                .isEqualTo(moved);
        assertThat(ResidentContact.changed(JAN, "Oosterstraat", "12", "9711 NV", " ").phone()).isNull();
    }

    @Test
    void eachWrongDetailIsNamed() {
        assertThat(ResidentContact.problem(" ", "1", "9711 AA", null)).contains(ResidentContact.Problem.NO_ADDRESS);
        assertThat(ResidentContact.problem("Straat", "", "9711 AA", null)).contains(ResidentContact.Problem.NO_ADDRESS);
        assertThat(ResidentContact.problem("Straat", "1", "0711 AA", null)).contains(ResidentContact.Problem.POSTCODE);
        assertThat(ResidentContact.problem("Straat", "1", "97 AB", null)).contains(ResidentContact.Problem.POSTCODE);
        assertThat(ResidentContact.problem("Straat", "1", "9711 AA", "05 05")).contains(ResidentContact.Problem.PHONE);
        assertThat(ResidentContact.problem("Straat", "1", "9711 AA", "bel Jan")).contains(ResidentContact.Problem.PHONE);
        assertThat(ResidentContact.problem("Straat", "1", "9711 AA", "06-12345678")).isEmpty();
        assertThatThrownBy(() -> ResidentContact.changed(JAN, "Straat", "1", "x", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
