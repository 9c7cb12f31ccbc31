package nl.groningen.keukentafel.app.ui.socialmap;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nl.groningen.keukentafel.app.ui.Fields;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.SocialMapEntry;

/** The sociale kaart: activities and organisations per wijk, searchable offline. */
public final class SocialMapView extends VBox {

    private final TextField search = new TextField();
    private final ListView<SocialMapEntry> list;

    public SocialMapView(SocialMapViewModel model, Messages messages) {
        setId("socialMapView");
        setSpacing(8);
        setPadding(new Insets(12));
        Label title = new Label(messages.text("socialMap.title"));
        title.getStyleClass().add("screen-title");

        search.setId("socialMapSearch");
        search.setPromptText(messages.text("socialMap.searchPrompt"));
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<String> wijk = Fields.wijkBox("socialMapWijk", model.wijken(), messages);
        wijk.valueProperty().bindBidirectional(model.wijkProperty());

        list = new ListView<>(model.entries());
        list.setId("socialMapList");
        list.setPlaceholder(new Label(messages.text("socialMap.empty")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SocialMapEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : model.describe(e));
                setWrapText(true);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        getChildren().addAll(title, new HBox(8, search, wijk), list);
    }

    public void focusSearch() {
        search.requestFocus();
    }

    ListView<SocialMapEntry> list() {
        return list;
    }
}
