package nl.groningen.keukentafel.app.ui;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import nl.groningen.keukentafel.app.domain.Due;

/**
 * The mark of a due date, the same on every screen: a small badge "te laat" (style class
 * {@value #LATE}) or "binnen 14 dagen" ({@value #SOON}) in front of the line. The badge has its own
 * background, so it stays readable on a selected (dark) row; a date further off gets no badge.
 */
public final class DueBadge {

    /** The style class of a late mark: the day has passed. */
    public static final String LATE = "due-late";
    /** The style class of a mark for a date within fourteen days. */
    public static final String SOON = "due-soon";

    private DueBadge() {
    }

    /** Puts the badge for {@code due} in front of {@code line}'s text, or takes it away for a date further off. */
    public static void mark(Labeled line, Messages messages, Due due) {
        Label badge = of(messages, due);
        line.setGraphic(badge);
        line.setContentDisplay(ContentDisplay.LEFT);
    }

    /** The badge for {@code due}; null when there is nothing to mark. */
    public static Label of(Messages messages, Due due) {
        if (due == null || due == Due.LATER) {
            return null;
        }
        Label badge = new Label(messages.text(due == Due.LATE ? "due.late" : "due.soon"));
        badge.getStyleClass().addAll("due-badge", due == Due.LATE ? LATE : SOON);
        badge.setMinWidth(Label.USE_PREF_SIZE);
        return badge;
    }
}
