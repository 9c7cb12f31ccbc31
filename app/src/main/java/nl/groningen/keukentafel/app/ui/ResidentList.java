package nl.groningen.keukentafel.app.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/** A list of resident lines, each with its due mark; Enter or a double click opens the resident's dossier. */
public final class ResidentList extends ListView<ResidentLine> {

    public ResidentList(String id, List<ResidentLine> lines, String emptyText, Messages messages, Consumer<UUID> open) {
        super(FXCollections.observableArrayList(lines));
        setId(id);
        setCellFactory(list -> new WrappingCell<>(ResidentLine::text) {
            @Override
            protected void updateItem(ResidentLine line, boolean empty) {
                super.updateItem(line, empty);
                DueBadge.mark(this, messages, empty || line == null ? null : line.due());
            }
        });
        setPlaceholder(new Label(emptyText));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) {
                open.accept(getSelectionModel().getSelectedItem().residentId());
                e.consume();
            }
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getSelectionModel().getSelectedItem() != null) {
                open.accept(getSelectionModel().getSelectedItem().residentId());
            }
        });
        setPrefHeight(Math.max(60, Math.min(8, Math.max(1, lines.size())) * 26 + 4));
    }
}
