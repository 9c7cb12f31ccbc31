package nl.groningen.keukentafel.app.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Resident;
import org.junit.jupiter.api.Test;

class CaseloadOrderTest {

    private static Resident resident(String given, String prefix, String surname, String clientNumber) {
        return new Resident(UUID.randomUUID(), UUID.randomUUID(), clientNumber, given, prefix, surname, "Proefstraat",
                "1", "9741 AA", "Selwerd", null, null, false, false, 6, Initiative.COACH, OutreachStatus.SPOKEN, null);
    }

    @Test
    void surnamePrefixDoesNotCountForTheOrder() {
        Resident deVries = resident("Jan", "de", "Vries", "KT1");
        Resident bakker = resident("Piet", "", "Bakker", "KT2");
        Resident vanAalst = resident("Els", "van", "Aalst", "KT3");

        List<Resident> sorted = List.of(deVries, bakker, vanAalst).stream().sorted(CaseloadOrder.bySurname()).toList();

        assertThat(sorted).containsExactly(vanAalst, bakker, deVries);
    }

    @Test
    void accentsAndCaseSortWithTheirLetter() {
        Resident zoe = resident("Zoë", "", "Émile", "KT1");
        Resident anna = resident("Anna", "", "emma", "KT2");
        Resident bram = resident("Bram", "", "Fokkema", "KT3");

        assertThat(List.of(bram, zoe, anna).stream().sorted(CaseloadOrder.bySurname()).toList())
                .containsExactly(zoe, anna, bram);
    }

    @Test
    void listNamePutsTheSurnameFirstAndThePrefixAfterTheGivenName() {
        assertThat(CaseloadOrder.listName(resident("Anna", "van der", "Oefensma", "KT1"))).isEqualTo("Oefensma, Anna van der");
        assertThat(CaseloadOrder.listName(resident("Bram", "", "Proefstra", "KT2"))).isEqualTo("Proefstra, Bram");
    }
}
