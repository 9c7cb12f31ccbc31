package nl.groningen.keukentafel.app.ui.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.office.ReportFigures;
import nl.groningen.keukentafel.contract.office.ReportScope;
import org.junit.jupiter.api.Test;

/** The figures' tables: exact on the screen; leaving the office, counts about few people as "< 5". */
class ReportTablesTest {

    private final Messages messages = Messages.forLocale(Messages.DUTCH);
    private final ReportTables tables = new ReportTables(messages, ReferenceData.standard());

    private static ReportFigures figures(ReportScope scope) {
        return new ReportFigures(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), LocalDate.of(2020, 1, 15), scope,
                new ReportFigures.Reach(6953, 3939, 1019, 700, 319, 238, 1757),
                new ReportFigures.Approaches(13275, 6835, List.of(new ReportFigures.WijkApproaches("Selwerd", 412, 202),
                        new ReportFigures.WijkApproaches("Paddepoel", 4, 3)), 10, 3),
                new ReportFigures.Outcomes(438, Map.of("work_potential", 31, "care_need", 11, "exemption_request", 41,
                        "not_active_content", 117, "not_active_wants_support", 113, "not_active_wants_own", 32, "active", 85,
                        "active_wants_more", 8), Map.of("cnw", 40, "wij", 2)),
                new ReportFigures.FollowUp(3939, 800, 600, 1500, 1039),
                new ReportFigures.InBeeld(500, 450, 400, 300, 20, 3, 12, 250, 8.0, 7.4, 52.5),
                List.of(new ReportFigures.CoachDiscipline(UUID.randomUUID(), "Sanne Voorbeeld", "Noordwest", 150, 3, 12, 0)));
    }

    private ReportTables.Table table(List<ReportTables.Table> all, String id) {
        return all.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private List<String> line(ReportTables.Table table, int row, boolean leavesOffice, boolean smallScope) {
        ReportTables.Row shown = table.rows().get(row);
        return shown.cells().stream().map(c -> tables.shown(table, shown, c, leavesOffice, smallScope)).toList();
    }

    @Test
    void theCityFiguresReadLikeTheLettersTablesInDutch() {
        List<ReportTables.Table> all = tables.of(figures(ReportScope.city()));

        ReportTables.Table reach = table(all, "reach");
        assertThat(line(reach, 0, true, false)).containsExactly("In de groep (nu)", "6.953", "");
        assertThat(line(reach, 1, true, false)).containsExactly("Gesproken", "3.939", "57%");
        ReportTables.Table approaches = table(all, "approaches");
        assertThat(line(approaches, 1, false, false)).containsExactly("Gesprekken", "6.835", "51%");
        ReportTables.Table outcomes = table(all, "outcomes");
        assertThat(outcomes.rows()).extracting(r -> r.cells().get(1).number().intValue())
                .startsWith(438, 31, 11, 41, 355, 117, 145, 113, 32, 93, 85, 8);
        ReportTables.Table inBeeld = table(all, "inBeeld");
        assertThat(inBeeld.rows()).extracting(r -> tables.shown(inBeeld, r, r.cells().get(1), false, false))
                .endsWith("8,0", "7,4", "52,5");
        assertThat(table(all, "referrals").rows()).extracting(ReportTables.Row::label).containsExactly("Centrum naar Werk", "WIJ Groningen");
    }

    @Test
    void perWijkAndPerCoachLinesHideSmallCountsOnlyWhenTheyLeaveTheOffice() {
        List<ReportTables.Table> all = tables.of(figures(ReportScope.city()));
        ReportTables.Table perWijk = table(all, "perWijk");

        assertThat(line(perWijk, 0, false, false)).containsExactly("Paddepoel", "4", "3", "75%");
        assertThat(line(perWijk, 0, true, false)).containsExactly("Paddepoel", "< 5", "< 5", "");
        assertThat(line(perWijk, 1, true, false)).containsExactly("Selwerd", "412", "202", "49%");
        ReportTables.Table discipline = table(all, "discipline");
        assertThat(line(discipline, 0, true, false)).containsExactly("Sanne Voorbeeld", "150", "< 5", "12", "< 5");
        assertThat(line(table(all, "referrals"), 1, true, false)).as("a city-wide count is not about few people")
                .containsExactly("WIJ Groningen", "2");
    }

    @Test
    void atWijkScopeEverySmallCountLeavesTheOfficeAsLessThanFive() {
        List<ReportTables.Table> all = tables.of(figures(ReportScope.wijk("Selwerd")));

        assertThat(line(table(all, "referrals"), 1, true, true)).containsExactly("WIJ Groningen", "< 5");
        assertThat(line(table(all, "referrals"), 1, false, true)).containsExactly("WIJ Groningen", "2");
        assertThat(line(table(all, "inBeeld"), 5, true, true)).containsExactly("Signaal naar handhaving", "< 5");
    }
}
