package nl.groningen.keukentafel.app.ui.socialmap;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.DialogButtons;
import nl.groningen.keukentafel.contract.SocialMapEntry;

/** Picks a sociale-kaart entry to link to an agreement or referral: type, arrow down, Enter. */
public final class SocialMapChooser {

    private SocialMapChooser() {
    }

    public static Optional<SocialMapEntry> choose(Window owner, CoachSession session) {
        SocialMapViewModel model = new SocialMapViewModel(session);
        SocialMapView view = new SocialMapView(model, session.messages());
        view.setPrefSize(720, 460);
        Dialog<SocialMapEntry> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(session.messages().text("socialMap.chooseTitle"));
        dialog.getDialogPane().setId("socialMapDialog");
        dialog.getDialogPane().setContent(view);
        ButtonType link = new ButtonType(session.messages().text("socialMap.link"), ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(link, DialogButtons.cancel(session.messages()));
        dialog.getDialogPane().lookupButton(link).disableProperty()
                .bind(view.list().getSelectionModel().selectedItemProperty().isNull());
        dialog.setResultConverter(button -> button == link ? view.list().getSelectionModel().getSelectedItem() : null);
        // Enter or a double click on an entry links it at once.
        view.list().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            SocialMapEntry selected = view.list().getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                e.consume();
                dialog.setResult(selected);
                dialog.close();
            }
        });
        view.list().setOnMouseClicked(e -> {
            SocialMapEntry selected = view.list().getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && selected != null) {
                dialog.setResult(selected);
                dialog.close();
            }
        });
        Platform.runLater(view::focusSearch);
        return dialog.showAndWait();
    }
}
