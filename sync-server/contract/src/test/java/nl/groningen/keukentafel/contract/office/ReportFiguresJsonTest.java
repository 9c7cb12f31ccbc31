package nl.groningen.keukentafel.contract.office;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Json;
import org.junit.jupiter.api.Test;

/** The office app reads the reports endpoint's JSON back into the same figures the server counted. */
class ReportFiguresJsonTest {

    @Test
    void theFiguresReadBackFromTheirJsonIncludingTheWorkedOutPercentages() throws Exception {
        ReportFigures figures = new ReportFigures(LocalDate.of(2015, 10, 19), LocalDate.of(2016, 3, 1), LocalDate.of(2026, 11, 22),
                ReportScope.wijk("Selwerd"), new ReportFigures.Reach(10, 6, 2, 1, 1, 1, 1),
                new ReportFigures.Approaches(8, 4, List.of(new ReportFigures.WijkApproaches("Selwerd", 8, 4)), 1, 1),
                new ReportFigures.Outcomes(4, Map.of("active", 3, "care_need", 1), Map.of("cnw", 2)),
                new ReportFigures.FollowUp(6, 1, 1, 2, 2),
                new ReportFigures.InBeeld(10, 8, 8, 4, 1, 0, 0, 3, 8.0, null, 55.5),
                List.of(new ReportFigures.CoachDiscipline(UUID.randomUUID(), "Femke Coach", "Noordwest", 10, 2, 1, 0)));

        String text = Json.mapper().writeValueAsString(figures);
        JsonNode tree = Json.mapper().readTree(text);

        assertThat(Json.mapper().readValue(text, ReportFigures.class)).isEqualTo(figures);
        assertThat(tree.at("/reach/spoken_pct").asInt()).isEqualTo(60);
        assertThat(tree.at("/outcomes/already_active").asInt()).isEqualTo(3);
        assertThat(tree.at("/scope/level").asText()).isEqualTo("wijk");
        assertThat(tree.path("scope").size()).as("the scope is its level and value: " + tree.path("scope")).isEqualTo(2);
    }
}
