package nl.groningen.keukentafel.app.ui.socialmap;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
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
    private final VBox detail;

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
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        // The selected entry's contact details beside the list, to read out or call from the resident's table.
        Label detailName = new Label();
        detailName.getStyleClass().add("section-title");
        detailName.setWrapText(true);
        VBox details = new VBox(4);
        details.setId("socialMapDetails");
        detail = new VBox(6, detailName, details);
        detail.setId("socialMapDetail");
        detail.setPrefWidth(300);
        detail.setMinWidth(240);
        list.getSelectionModel().selectedItemProperty().addListener((o, old, entry) -> {
            detailName.setText(entry == null ? "" : entry.name());
            details.getChildren().setAll(entry == null ? java.util.List.of()
                    : model.contactDetails(entry).stream().map(line -> {
                        Label label = new Label(line);
                        label.setWrapText(true);
                        return label;
                    }).toList());
        });
        HBox.setHgrow(list, Priority.ALWAYS);
        HBox body = new HBox(12, list, detail);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(title, new HBox(8, search, wijk), body);
    }

    /**
     * From the selected entry straight to the resident's conversation: an agreement at it (Alt+A) or
     * a referral to its partner (Alt+V; only for entries that are a partner's location).
     */
    public void offerActions(Messages messages, Consumer<SocialMapEntry> agreement, Consumer<SocialMapEntry> referral) {
        Button agree = new Button(messages.text("socialMap.startAgreement"));
        agree.setId("socialMapAgreement");
        agree.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        agree.setOnAction(e -> agreement.accept(list.getSelectionModel().getSelectedItem()));
        Button refer = new Button(messages.text("socialMap.startReferral"));
        refer.setId("socialMapReferral");
        refer.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            SocialMapEntry selected = list.getSelectionModel().getSelectedItem();
            return selected == null || selected.partner() == null;
        }, list.getSelectionModel().selectedItemProperty()));
        refer.setOnAction(e -> referral.accept(list.getSelectionModel().getSelectedItem()));
        detail.getChildren().addAll(agree, refer);
    }

    public void focusSearch() {
        search.requestFocus();
    }

    ListView<SocialMapEntry> list() {
        return list;
    }
}
