package nl.groningen.keukentafel.app.ui.window;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import nl.groningen.keukentafel.app.domain.CaseloadOrder;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.DialogButtons;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.Resident;

/** Asks which resident, when the Sociale kaart starts an agreement or referral and no dossier was open: type, arrow down, Enter. */
final class ResidentChoice {

    private ResidentChoice() {
    }

    static Optional<UUID> ask(Window owner, CoachSession session) {
        Messages messages = session.messages();
        List<Resident> residents = session.caseload().residents().stream().sorted(CaseloadOrder.bySurname()).toList();
        FilteredList<Resident> shown = new FilteredList<>(FXCollections.observableArrayList(residents));
        TextField search = new TextField();
        search.setId("residentChoiceSearch");
        search.setPromptText(messages.text("residentChoice.prompt"));
        ListView<Resident> list = new ListView<>(shown);
        list.setId("residentChoiceList");
        list.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Resident r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : CaseloadOrder.listName(r) + " · " + r.clientNumber());
            }
        });
        search.textProperty().addListener((o, a, typed) -> {
            String t = typed.trim().toLowerCase(java.util.Locale.ROOT);
            shown.setPredicate(r -> t.isEmpty() || r.fullName().toLowerCase(java.util.Locale.ROOT).contains(t)
                    || r.clientNumber().toLowerCase(java.util.Locale.ROOT).contains(t));
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !shown.isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        list.setPrefSize(420, 320);
        ButtonType choose = new ButtonType(messages.text("residentChoice.choose"), ButtonData.OK_DONE);
        Dialog<UUID> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.text("residentChoice.title"));
        dialog.getDialogPane().setId("residentChoiceDialog");
        dialog.getDialogPane().setContent(new VBox(8, search, list));
        dialog.getDialogPane().getButtonTypes().addAll(choose, DialogButtons.cancel(messages));
        dialog.getDialogPane().lookupButton(choose).disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        dialog.setResultConverter(b -> b == choose && list.getSelectionModel().getSelectedItem() != null
                ? list.getSelectionModel().getSelectedItem().id() : null);
        // Enter on a resident chooses them at once (the list would keep the key from the default button).
        list.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            Resident selected = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                e.consume();
                dialog.setResult(selected.id());
                dialog.close();
            }
        });
        Platform.runLater(search::requestFocus);
        return dialog.showAndWait();
    }
}
