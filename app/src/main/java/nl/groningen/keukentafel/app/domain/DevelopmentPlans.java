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
    /** The plan with goal {@code goalId} in another life domain or with another text; empty if the plan has no such goal. */
    public static Optional<DevelopmentPlan> withGoalChanged(DevelopmentPlan current, UUID goalId, String domain, String goal,
                                                            LocalDate today) {
        if (!canAdd(domain, goal)) {
            throw new IllegalArgumentException("A goal needs a life domain and a text");
        }
        return changeGoal(current, goalId, today, g -> new PlanGoal(g.id(), domain, goal.trim(), g.steps()));
    }

    /** The plan with one more step for goal {@code goalId}; empty if the plan has no such goal or the step no text. */
    public static Optional<DevelopmentPlan> withStep(DevelopmentPlan current, UUID goalId, String step, LocalDate today) {
        if (step == null || step.isBlank()) {
            return Optional.empty();
        }
        return changeGoal(current, goalId, today, g -> {
            List<PlanStep> steps = new ArrayList<>(g.steps());
            steps.add(new PlanStep(UUID.randomUUID(), step.trim(), false));
            return new PlanGoal(g.id(), g.domain(), g.goal(), steps);
        });
    }

    /** The plan without goal {@code goalId} and its steps; empty if the plan has no such goal. */
    public static Optional<DevelopmentPlan> withoutGoal(DevelopmentPlan current, UUID goalId, LocalDate today) {
        return changeGoal(current, goalId, today, g -> null);
    }

    /** The goal {@code goalId} of the plan, if there is one. */
    public static Optional<PlanGoal> goal(DevelopmentPlan current, UUID goalId) {
        return current == null || goalId == null ? Optional.empty()
                : current.goals().stream().filter(g -> g.id().equals(goalId)).findFirst();
    }

    /** The plan with goal {@code goalId} replaced by what {@code change} makes of it (null: removed), dated today. */
    private static Optional<DevelopmentPlan> changeGoal(DevelopmentPlan current, UUID goalId, LocalDate today,
                                                        java.util.function.UnaryOperator<PlanGoal> change) {
        if (goal(current, goalId).isEmpty()) {
            return Optional.empty();
        }
        List<PlanGoal> goals = new ArrayList<>();
        for (PlanGoal g : current.goals()) {
            PlanGoal changed = g.id().equals(goalId) ? change.apply(g) : g;
            if (changed != null) {
                goals.add(changed);
            }
        }
        return Optional.of(new DevelopmentPlan(current.id(), current.residentId(), goals, today));
    }
}
