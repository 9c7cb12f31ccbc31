package nl.groningen.keukentafel.app.ui.followup;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import nl.groningen.keukentafel.app.domain.OpenItem;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.ResidentLine;
import nl.groningen.keukentafel.app.ui.ResidentList;

/**
 * Openstaand (Ctrl+5): one list of every open agreement and open referral across the caseload, the
 * first due first, with the due mark. The list has the focus; Enter or "Dossier openen" opens the
 * resident's dossier.
 */
public final class OpenItemsView extends VBox {

    private final ResidentList list;

    public OpenItemsView(OpenItemsViewModel model, Messages messages) {
        setId("openItemsView");
        setSpacing(8);
        setPadding(new Insets(12));

        Label title = new Label(messages.text("openItems.title"));
        title.getStyleClass().add("screen-title");
        title.setWrapText(true);

        ComboBox<OpenItem.Kind> kind = new ComboBox<>();
        kind.setId("openItemsKind");
        kind.getItems().add(null);
        kind.getItems().addAll(OpenItem.Kind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(OpenItem.Kind value) {
                return model.kindLabel(value);
            }

            @Override
            public OpenItem.Kind fromString(String text) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(model.kindProperty());
        Label show = new Label(messages.text("openItems.show"));
        show.setLabelFor(kind);
        Label count = new Label();
        count.setId("openItemsCount");
        count.textProperty().bind(model.countProperty());
        HBox filter = new HBox(8, show, kind, count);
        filter.setAlignment(Pos.CENTER_LEFT);

        list = new ResidentList("openItemsList", List.of(), messages.text("openItems.empty"), messages, model::open);
        list.setItems(model.lines());
        list.setPrefHeight(USE_COMPUTED_SIZE);
        VBox.setVgrow(list, Priority.ALWAYS);

        Button open = new Button(messages.text("openItems.openDossier"));
        open.setId("openItemsOpen");
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> {
            ResidentLine line = list.getSelectionModel().getSelectedItem();
            if (line != null) {
                model.open(line.residentId());
            }
        });
        Label keys = new Label(messages.text("openItems.keys"));
        keys.setWrapText(true);
        FlowPane actions = new FlowPane(8, 4, open, keys);
        actions.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(title, filter, list, actions);
    }

    /** Puts the focus on the list, on its first (earliest due) line, so Enter opens it. */
    public void focusList() {
        list.requestFocus();
        if (!list.getItems().isEmpty() && list.getSelectionModel().isEmpty()) {
            list.getSelectionModel().selectFirst();
            list.getFocusModel().focus(0);
        }
    }
}
