package nl.groningen.keukentafel.server.domain;

/**
 * How assigning residents to a coach ended: moved ({@code coachKnown} and no unknown residents),
 * or refused with nothing moved.
 */
public record Assignment(boolean coachKnown, int moved, int alreadyWithCoach, int unknownResidents) {

    public static Assignment unknownCoach() {
        return new Assignment(false, 0, 0, 0);
    }

    public static Assignment unknownResidents(int count) {
        return new Assignment(true, 0, 0, count);
    }

    public boolean done() {
        return coachKnown && unknownResidents == 0;
    }
}
