package nl.groningen.keukentafel.app.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.PlanGoal;
import nl.groningen.keukentafel.contract.PlanStep;
import org.junit.jupiter.api.Test;

/** A development plan's goals and steps, addressed by id, without JavaFX. */
class DevelopmentPlansTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final UUID RESIDENT = UUID.randomUUID();

    @Test
    void theFirstGoalStartsThePlanWithTheResidentsOwnPlanId() {
        DevelopmentPlan plan = DevelopmentPlans.withGoal(null, RESIDENT, "paid_work", " Werk zoeken ", " Cv maken ", TODAY);

        assertThat(plan.id()).isEqualTo(DevelopmentPlan.idFor(RESIDENT));
        assertThat(plan.updatedOn()).isEqualTo(TODAY);
        assertThat(plan.goals()).singleElement().satisfies(goal -> {
            assertThat(goal.goal()).isEqualTo("Werk zoeken");
            assertThat(goal.steps()).extracting(PlanStep::description).containsExactly("Cv maken");
            assertThat(goal.steps()).noneMatch(PlanStep::done);
        });
    }

    @Test
    void aLaterGoalJoinsTheSamePlanAndMayHaveNoStepYet() {
        DevelopmentPlan first = DevelopmentPlans.withGoal(null, RESIDENT, "paid_work", "Werk zoeken", "Cv maken", TODAY);

        DevelopmentPlan second = DevelopmentPlans.withGoal(first, RESIDENT, "sports", "Sporten", "  ", TODAY.plusDays(1));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.goals()).extracting(PlanGoal::goal).containsExactly("Werk zoeken", "Sporten");
        assertThat(second.goals().get(1).steps()).isEmpty();
        assertThat(second.updatedOn()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void aGoalNeedsALifeDomainAndAText() {
        assertThat(DevelopmentPlans.canAdd(null, "Werk")).isFalse();
        assertThat(DevelopmentPlans.canAdd("paid_work", " ")).isFalse();
        assertThat(DevelopmentPlans.canAdd("paid_work", "Werk")).isTrue();
        assertThatThrownBy(() -> DevelopmentPlans.withGoal(null, RESIDENT, "paid_work", "", null, TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStepIsTickedOffByItsIdAndUntickedTheSameWay() {
        DevelopmentPlan plan = DevelopmentPlans.withGoal(null, RESIDENT, "paid_work", "Werk zoeken", "Cv maken", TODAY);
        plan = DevelopmentPlans.withGoal(plan, RESIDENT, "sports", "Sporten", "Club bellen", TODAY);
        UUID clubBellen = plan.goals().get(1).steps().get(0).id();

        DevelopmentPlan ticked = DevelopmentPlans.withStepToggled(plan, clubBellen, TODAY.plusDays(2)).orElseThrow();

        assertThat(ticked.goals().get(1).steps().get(0).done()).isTrue();
        assertThat(ticked.goals().get(0).steps().get(0).done()).isFalse();
        assertThat(ticked.updatedOn()).isEqualTo(TODAY.plusDays(2));
        assertThat(DevelopmentPlans.withStepToggled(ticked, clubBellen, TODAY).orElseThrow().goals().get(1).steps().get(0).done())
                .isFalse();
    }

    @Test
    void aStepThePlanDoesNotHaveChangesNothing() {
        DevelopmentPlan plan = DevelopmentPlans.withGoal(null, RESIDENT, "paid_work", "Werk zoeken", "Cv maken", TODAY);

        assertThat(DevelopmentPlans.withStepToggled(plan, UUID.randomUUID(), TODAY)).isEmpty();
        assertThat(DevelopmentPlans.withStepToggled(plan, plan.goals().get(0).id(), TODAY)).isEmpty();
        assertThat(DevelopmentPlans.withStepToggled(null, UUID.randomUUID(), TODAY)).isEmpty();
    }

    @Test
    void aGoalIsRenamedGetsAStepAndIsRemovedByItsIdLeavingTheOthers() {
        DevelopmentPlan plan = DevelopmentPlans.withGoal(null, RESIDENT, "paid_work", "Werk zoeken", "Cv maken", TODAY);
        plan = DevelopmentPlans.withGoal(plan, RESIDENT, "sports", "Sporten", null, TODAY);
        UUID work = plan.goals().get(0).id();
        UUID sports = plan.goals().get(1).id();

        DevelopmentPlan renamed = DevelopmentPlans.withGoalChanged(plan, work, "education", " Opleiding zoeken ", TODAY.plusDays(1))
                .orElseThrow();
        assertThat(renamed.goals().get(0)).satisfies(g -> {
            assertThat(g.id()).isEqualTo(work);
            assertThat(g.domain()).isEqualTo("education");
            assertThat(g.goal()).isEqualTo("Opleiding zoeken");
            assertThat(g.steps()).extracting(PlanStep::description).containsExactly("Cv maken");
        });
        assertThat(renamed.updatedOn()).isEqualTo(TODAY.plusDays(1));

        DevelopmentPlan stepped = DevelopmentPlans.withStep(renamed, sports, " Proefles boeken ", TODAY).orElseThrow();
        assertThat(stepped.goals().get(1).steps()).extracting(PlanStep::description).containsExactly("Proefles boeken");
        assertThat(DevelopmentPlans.withStep(renamed, sports, "  ", TODAY)).isEmpty();

        DevelopmentPlan removed = DevelopmentPlans.withoutGoal(stepped, work, TODAY).orElseThrow();
        assertThat(removed.goals()).extracting(PlanGoal::id).containsExactly(sports);
        assertThat(removed.id()).isEqualTo(plan.id());
        assertThat(DevelopmentPlans.withoutGoal(removed, work, TODAY)).isEmpty();
    }
}
