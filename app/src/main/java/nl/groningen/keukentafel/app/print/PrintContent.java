package nl.groningen.keukentafel.app.print;

import java.util.List;

/**
 * What goes on the printout for the resident, already in words: the screens prepare it in the
 * resident's language (plain Dutch by default) from the resource bundle; the printout lays it out.
 */
public record PrintContent(
        String title,
        String residentName,
        String coachLine,
        String dateLine,
        String goalsHeading,
        String noGoals,
        List<Goal> goals,
        String agreementsHeading,
        String noAgreements,
        List<String> agreementColumns,
        List<AgreementLine> agreements,
        String footer) {

    public PrintContent {
        goals = List.copyOf(goals);
        agreementColumns = List.copyOf(agreementColumns);
        agreements = List.copyOf(agreements);
    }

    /** A goal in one life domain with its steps. */
    public record Goal(String domain, String goal, List<Step> steps) {
        public Goal {
            steps = List.copyOf(steps);
        }
    }

    /** A step; done steps are shown as done. */
    public record Step(String text, boolean done) {
    }

    /** An open agreement: what, who does it, before when, and where (a sociale-kaart entry) if any. */
    public record AgreementLine(String what, String who, String before, String where) {
    }
}
