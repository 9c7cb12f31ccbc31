package nl.groningen.keukentafel.app.ui;

import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;

/**
 * The buttons of the app's dialogs, labelled in the app's language. JavaFX's own
 * ({@link ButtonType#OK}, {@link ButtonType#CANCEL}, ...) take their labels from JavaFX's
 * translations, which have no Dutch: a Dutch screen then asks "Yes" or "No". Each of these has the
 * same role as JavaFX's (its {@link ButtonData}: which button Enter and Escape press, and where it
 * sits), so compare a dialog's result with the instance made for it, not with JavaFX's constants.
 */
public final class DialogButtons {

    private DialogButtons() {
    }

    public static ButtonType ok(Messages messages) {
        return new ButtonType(messages.text("button.ok"), ButtonData.OK_DONE);
    }

    public static ButtonType cancel(Messages messages) {
        return new ButtonType(messages.text("button.cancel"), ButtonData.CANCEL_CLOSE);
    }

    public static ButtonType yes(Messages messages) {
        return new ButtonType(messages.text("button.yes"), ButtonData.YES);
    }

    public static ButtonType no(Messages messages) {
        return new ButtonType(messages.text("button.no"), ButtonData.NO);
    }

    public static ButtonType close(Messages messages) {
        return new ButtonType(messages.text("button.close"), ButtonData.CANCEL_CLOSE);
    }
}
