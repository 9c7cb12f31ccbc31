package nl.groningen.keukentafel.app.domain;

import java.time.LocalDate;

/**
 * How near a due date is, the one rule for every screen: late once the day has passed, soon when it
 * is today or within {@link #SOON_DAYS} days, otherwise later. Next contacts, agreements and
 * referrals' check dates are all judged by it.
 */
public enum Due {
    /** The day has passed. */
    LATE,
    /** Today, or within {@link #SOON_DAYS} days from today. */
    SOON,
    /** Further off, or no date at all. */
    LATER;

    /** Vandaag lists what is due within this many days, and everything late. */
    public static final int SOON_DAYS = 14;

    public static Due of(LocalDate due, LocalDate today) {
        if (due == null) {
            return LATER;
        }
        if (due.isBefore(today)) {
            return LATE;
        }
        return due.isAfter(today.plusDays(SOON_DAYS)) ? LATER : SOON;
    }
}
