package nl.groningen.keukentafel.server.domain;

import java.util.List;

/**
 * How a caseload import ended: every problem found (and then nothing was stored), or what was stored.
 *
 * @param added            new residents
 * @param updated          known client numbers whose contact details changed
 * @param unchanged        known client numbers with the same contact details
 * @param withoutCoach     new residents with no coach (not on any laptop until assigned)
 * @param coachNotChanged  known residents for whom the file names another coach than they have: the assignment stays
 * @param leftGroup        residents with a date in {@code left_group_on}: they left the group, and retention runs from that day
 */
public record CaseloadImportResult(List<CaseloadProblem> problems, int added, int updated, int unchanged, int withoutCoach,
                                   int coachNotChanged, int leftGroup) {

    public CaseloadImportResult {
        problems = List.copyOf(problems);
    }

    public static CaseloadImportResult refused(List<CaseloadProblem> problems) {
        return new CaseloadImportResult(problems, 0, 0, 0, 0, 0, 0);
    }

    public boolean imported() {
        return problems.isEmpty();
    }
}
