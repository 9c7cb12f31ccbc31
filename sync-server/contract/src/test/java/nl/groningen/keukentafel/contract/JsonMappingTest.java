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
    void aSocialMapEntryTravelsWithPhoneAndWebsiteAndOneSyncedBeforeThemStillReads() throws JsonProcessingException {
        SocialMapEntry entry = new SocialMapEntry(UUID.randomUUID(), "WIJ-team Selwerd", "organisation", "Selwerd",
                "Sociaal team.", "Proefstraat 1", "werkdagen 9:00-17:00", "wij", "050 - 555 0001",
                "https://wij-selwerd.voorbeeld.example");
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(entry));
        assertThat(json.get("phone").asText()).isEqualTo("050 - 555 0001");
        assertThat(json.get("website").asText()).isEqualTo("https://wij-selwerd.voorbeeld.example");
        assertThat(Json.mapper().treeToValue(json, SocialMapEntry.class)).isEqualTo(entry);

        String before = "{\"id\":\"" + entry.id() + "\",\"name\":\"Kookclub\",\"kind\":\"activity\",\"wijk\":\"Selwerd\","
                + "\"description\":\"Samen koken.\",\"address\":\"Proefstraat 2\",\"when\":\"vrijdag 17:00\",\"partner\":null}";
        SocialMapEntry old = Json.mapper().readValue(before, SocialMapEntry.class);
        assertThat(old.address()).isEqualTo("Proefstraat 2");
        assertThat(old.phone()).isNull();
        assertThat(old.website()).isNull();
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

    @Test
    void datesReadByTheirTenCharactersAreTheDatesTheFormatterReads() throws JsonProcessingException {
        for (LocalDate day = LocalDate.of(1899, 12, 25); day.isBefore(LocalDate.of(2031, 1, 10)); day = day.plusDays(1)) {
            String text = day.toString();
            assertThat(IsoDateDeserializer.parse(text)).isEqualTo(LocalDate.parse(text));
        }
        assertThat(Json.mapper().readValue("\"2024-02-29\"", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Json.mapper().readValue("[2026,11,22]", LocalDate.class)).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void aDateThatDoesNotExistOrIsNotIsoIsStillRefused() {
        for (String wrong : new String[] {"\"2026-02-30\"", "\"2026-13-01\"", "\"22-11-2026\"", "\"2026-1-22x\"", "\"2026/11/22\""}) {
            assertThatThrownBy(() -> Json.mapper().readValue(wrong, LocalDate.class))
                    .as(wrong).isInstanceOf(JsonProcessingException.class);
        }
    }
}
