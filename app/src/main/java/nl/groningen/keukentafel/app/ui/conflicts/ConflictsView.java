package nl.groningen.keukentafel.app.ui.conflicts;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nl.groningen.keukentafel.app.ui.Messages;

/**
 * The fields the office (or another laptop) and this laptop both changed, one card each: the
 * resident, the record, the field, both values; the coach keeps one with a button (Tab to reach
 * it, Enter or Space to press). The cards follow the view model's entries.
 */
public final class ConflictsView extends VBox {

    private final ConflictsViewModel model;
    private final Messages messages;
    private final VBox cards = new VBox(10);

    public ConflictsView(ConflictsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("conflictsView");
        setSpacing(8);
        setPadding(new Insets(12));
        Label title = new Label(messages.text("conflicts.title"));
        title.getStyleClass().add("screen-title");
        Label intro = new Label(messages.text("conflicts.intro"));
        intro.setWrapText(true);
        Label problem = new Label();
        problem.getStyleClass().add("status-problem");
        problem.textProperty().bind(model.problemProperty());
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, intro, problem, scroll);
        model.entries().addListener((ListChangeListener<ConflictsViewModel.Entry>) c -> fill());
        fill();
    }

    /** Puts the focus on the first choice, so the keyboard starts where the work is. */
    public void focusFirst() {
        cards.lookupAll(".button").stream().findFirst().ifPresent(Node::requestFocus);
    }

    private void fill() {
        cards.getChildren().clear();
        if (model.entries().isEmpty()) {
            Label none = new Label(messages.text("conflicts.none"));
            none.setId("conflictsNone");
            cards.getChildren().add(none);
            return;
        }
        for (ConflictsViewModel.Entry entry : model.entries()) {
            cards.getChildren().add(card(entry));
        }
    }

    private VBox card(ConflictsViewModel.Entry entry) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        row(grid, 0, messages.text("conflicts.resident"), entry.resident());
        row(grid, 1, messages.text("conflicts.record"), entry.record());
        row(grid, 2, messages.text("conflicts.field"), entry.field());
        row(grid, 3, messages.text("conflicts.server"), entry.serverValue()).setId("conflictServerValue");
        row(grid, 4, messages.text("conflicts.laptop"), entry.laptopValue()).setId("conflictLaptopValue");
        Button keepServer = new Button(messages.text("conflicts.keepServer"));
        keepServer.setId("keepServer");
        keepServer.setOnAction(e -> model.keepServer(entry));
        Button keepLaptop = new Button(messages.text("conflicts.keepLaptop"));
        keepLaptop.setId("keepLaptop");
        keepLaptop.setOnAction(e -> model.keepLaptop(entry));
        VBox card = new VBox(8, grid, new HBox(8, keepServer, keepLaptop));
        card.getStyleClass().add("card");
        card.setPadding(new Insets(10));
        return card;
    }

    private static Label row(GridPane grid, int row, String name, String value) {
        Label label = new Label(name);
        label.getStyleClass().add("field-name");
        Label text = new Label(value);
        text.setWrapText(true);
        grid.addRow(row, label, text);
        return text;
    }
}
