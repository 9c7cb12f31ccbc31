package nl.groningen.keukentafel.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonMappingTest {

    private final Resident resident = new Resident(UUID.randomUUID(), UUID.randomUUID(), "KT0000001",
            "Anna", "van der", "Oefensma", "Proefstraat", "12a", "9741 ZX", "Selwerd",
            LocalDate.of(1970, 3, 9), "06 9900 0001", false, false, 6, Initiative.COACH,
            OutreachStatus.KNOWN_AT_WIJ, LocalDate.of(2026, 12, 1));

    @Test
    void residentTravelsWithSnakeCaseNamesAndIsoDates() throws JsonProcessingException {
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(resident));

        assertThat(json.get("client_number").asText()).isEqualTo("KT0000001");
        assertThat(json.get("date_of_birth").asText()).isEqualTo("1970-03-09");
        assertThat(json.get("outreach_status").asText()).isEqualTo("known_at_wij");
        assertThat(Json.mapper().treeToValue(json, Resident.class)).isEqualTo(resident);
    }

    @Test
    void unknownOutreachStatusIsRefused() {
        String json = "\"on_holiday\"";
        assertThatThrownBy(() -> Json.mapper().readValue(json, OutreachStatus.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void fullNameKeepsTheDutchSurnamePrefix() {
        assertThat(resident.fullName()).isEqualTo("Anna van der Oefensma");
    }

    @Test
    void standardReferenceDataNamesThePartnersOfDomainMd() {
        ReferenceData data = ReferenceData.standard();
        assertThat(data.partners()).extracting(ReferenceItem::code)
                .contains("cnw", "wij", "meedoen", "werkpro", "gkb", "ggz");
        assertThat(data.lifeDomains()).hasSize(9);
        assertThat(data.outcomeCategories()).extracting(ReferenceItem::labelNl).allMatch(l -> !l.isBlank());
    }
}
