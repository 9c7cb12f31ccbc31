package nl.groningen.keukentafel.app.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.PlanGoal;
import nl.groningen.keukentafel.contract.PlanStep;

/**
 * How a resident's development plan grows: goals (in a life domain, with a first step if there is
 * one) are added, steps are ticked off (or un-ticked) by their id. A resident has one plan, with
 * the same id on every laptop ({@link DevelopmentPlan#idFor}); each change dates it today.
 */
public final class DevelopmentPlans {

    private DevelopmentPlans() {
    }

    /** Whether a goal can be added: it needs a life domain and some text. */
    public static boolean canAdd(String domain, String goal) {
        return domain != null && goal != null && !goal.isBlank();
    }

    /** The plan with one more goal; {@code current} is null while the resident has no plan yet. */
    public static DevelopmentPlan withGoal(DevelopmentPlan current, UUID residentId, String domain, String goal,
                                           String firstStep, LocalDate today) {
        if (!canAdd(domain, goal)) {
            throw new IllegalArgumentException("A goal needs a life domain and a text");
        }
        List<PlanGoal> goals = new ArrayList<>(current == null ? List.of() : current.goals());
        List<PlanStep> steps = firstStep == null || firstStep.isBlank() ? List.of()
                : List.of(new PlanStep(UUID.randomUUID(), firstStep.trim(), false));
        goals.add(new PlanGoal(UUID.randomUUID(), domain, goal.trim(), steps));
        UUID planId = current == null ? DevelopmentPlan.idFor(residentId) : current.id();
        return new DevelopmentPlan(planId, residentId, goals, today);
    }

    /** The plan with step {@code stepId} ticked off, or un-ticked if it was done; empty if the plan has no such step. */
    public static Optional<DevelopmentPlan> withStepToggled(DevelopmentPlan current, UUID stepId, LocalDate today) {
        if (current == null || stepId == null) {
            return Optional.empty();
        }
        boolean found = false;
        List<PlanGoal> goals = new ArrayList<>();
        for (PlanGoal g : current.goals()) {
            List<PlanStep> steps = new ArrayList<>();
            for (PlanStep step : g.steps()) {
                if (step.id().equals(stepId)) {
                    steps.add(new PlanStep(step.id(), step.description(), !step.done()));
                    found = true;
                } else {
                    steps.add(step);
                }
            }
            goals.add(new PlanGoal(g.id(), g.domain(), g.goal(), steps));
        }
        return found ? Optional.of(new DevelopmentPlan(current.id(), current.residentId(), goals, today)) : Optional.empty();
    }
}
