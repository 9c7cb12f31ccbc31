package nl.groningen.keukentafel.app.domain;

import java.time.LocalDate;

/**
 * When the next contact with a resident is due. The term is agreed in the conversation (often a
 * few months); everyone is seen at least once a year, so a longer term counts as twelve months.
 */
public final class NextContact {

    public static final int MAX_TERM_MONTHS = 12;
    /** Vandaag lists next contacts due within this many days, and every one overdue. */
    public static final int DUE_SOON_DAYS = Due.SOON_DAYS;

    private NextContact() {
    }

    public static LocalDate due(LocalDate conversationDate, int termMonths) {
        int term = Math.max(1, Math.min(MAX_TERM_MONTHS, termMonths));
        return conversationDate.plusMonths(term);
    }

    /** Due within {@link #DUE_SOON_DAYS} days from today, or already overdue. */
    public static boolean dueSoonOrOverdue(LocalDate due, LocalDate today) {
        return Due.of(due, today) != Due.LATER;
    }

    /** The day has passed without the contact. */
    public static boolean overdue(LocalDate due, LocalDate today) {
        return Due.of(due, today) == Due.LATE;
    }
}
