package nl.groningen.keukentafel.app.ui.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.groningen.keukentafel.app.ui.RecordingNavigator;
import nl.groningen.keukentafel.app.ui.RecordingStore;
import nl.groningen.keukentafel.app.ui.TestSession;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import org.junit.jupiter.api.Test;

/** The resident's development plan as the dossier starts and extends it. */
class PlanTest {

    /** Found by the sync simulation: with an id of its own per laptop, the resident ended with two plans. */
    @Test
    void twoLaptopsStartingAResidentsPlanOfflineMakeTheSameRecord() {
        Dataset demo = TestSession.demo();
        Resident resident = demo.residents().stream()
                .filter(r -> demo.developmentPlans().stream().noneMatch(p -> p.residentId().equals(r.id())))
                .findFirst().orElseThrow();
        RecordingStore store = new RecordingStore();

        laptop(store, resident).addGoal(ReferenceData.standard().lifeDomains().get(0), "Werk zoeken", "Cv maken");
        laptop(store, resident).addGoal(ReferenceData.standard().lifeDomains().get(1), "Sporten", "Club bellen");

        List<DevelopmentPlan> saved = store.written(DevelopmentPlan.class);
        assertThat(store.written()).as("nothing but the plans is written").hasSize(2);
        assertThat(saved).hasSize(2).extracting(DevelopmentPlan::id).containsOnly(DevelopmentPlan.idFor(resident.id()));
        assertThat(saved.get(0).goals()).extracting(g -> g.goal()).containsExactly("Werk zoeken");
        assertThat(saved.get(1).goals()).extracting(g -> g.goal()).containsExactly("Sporten");
    }

    /** One laptop of the coach, with the caseload as it was before either laptop added a goal. */
    private static DossierViewModel laptop(RecordingStore store, Resident resident) {
        return new DossierViewModel(new TestSession(store).session(), resident.id(), new RecordingNavigator());
    }
}
