package nl.groningen.keukentafel.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * A question before something that cannot be undone (throwing a draft away, removing a goal,
 * cancelling a visit). The safe answer is the default: Enter and Esc both keep things as they are,
 * so a coach who presses Enter out of habit loses nothing; the other answer takes a deliberate
 * choice (Tab or its mnemonic, the underlined letter).
 */
public final class Confirmation {

    private Confirmation() {
    }

    /**
     * Asks {@code question}; true only when the coach chose {@code doIt}.
     *
     * @param id       the dialog's id (for tests)
     * @param doIt     the label of the answer that acts, with an underscore before its mnemonic
     * @param keepIt   the label of the safe answer
     */
    public static boolean ask(Window owner, String id, String question, String doIt, String keepIt) {
        ButtonType act = new ButtonType(doIt, ButtonData.OTHER);
        ButtonType keep = new ButtonType(keepIt, ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, keep, act);
        alert.initOwner(owner);
        alert.setHeaderText(null);
        alert.getDialogPane().setId(id);
        Button keepButton = (Button) alert.getDialogPane().lookupButton(keep);
        keepButton.setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(act)).setDefaultButton(false);
        alert.setOnShown(e -> keepButton.requestFocus());
        return alert.showAndWait().filter(b -> b == act).isPresent();
    }
}
