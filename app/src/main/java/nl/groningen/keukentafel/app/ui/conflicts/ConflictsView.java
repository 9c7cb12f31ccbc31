package nl.groningen.keukentafel.app.ui.conflicts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.MissingResourceException;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.sync.SyncStatus;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.Resident;

/**
 * The fields the office (or another laptop) and this laptop both changed, one card each: the
 * resident, the record, the field, both values; the coach keeps one with a button (Tab to reach
 * it, Enter or Space to press). The list follows the sync status.
 */
public final class ConflictsView extends VBox {

    private final SyncStatus status;
    private final CoachSession session;
    private final Messages messages;
    private final VBox cards = new VBox(10);
    private final Label problem = new Label();

    public ConflictsView(SyncStatus status, CoachSession session) {
        this.status = status;
        this.session = session;
        this.messages = session.messages();
        setId("conflictsView");
        setSpacing(8);
        setPadding(new Insets(12));
        Label title = new Label(messages.text("conflicts.title"));
        title.getStyleClass().add("screen-title");
        Label intro = new Label(messages.text("conflicts.intro"));
        intro.setWrapText(true);
        problem.getStyleClass().add("status-problem");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(title, intro, problem, scroll);
        status.conflicts().addListener((ListChangeListener<Conflict>) c -> fill());
        fill();
    }

    /** Puts the focus on the first choice, so the keyboard starts where the work is. */
    public void focusFirst() {
        cards.lookupAll(".button").stream().findFirst().ifPresent(javafx.scene.Node::requestFocus);
    }

    private void fill() {
        cards.getChildren().clear();
        if (status.conflicts().isEmpty()) {
            Label none = new Label(messages.text("conflicts.none"));
            none.setId("conflictsNone");
            cards.getChildren().add(none);
            return;
        }
        for (Conflict conflict : status.conflicts()) {
            cards.getChildren().add(card(conflict));
        }
    }

    private VBox card(Conflict conflict) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        String resident = session.caseload().resident(conflict.residentId()).map(Resident::fullName).orElse("");
        row(grid, 0, messages.text("conflicts.resident"), resident);
        row(grid, 1, messages.text("conflicts.record"), label("conflicts.kind." + conflict.recordKind(), conflict.recordKind())
                + describe(conflict));
        row(grid, 2, messages.text("conflicts.field"), label("conflicts.fieldName." + lastPart(conflict.field()), conflict.field()));
        Label server = row(grid, 3, messages.text("conflicts.server"), value(conflict.serverValue()));
        server.setId("conflictServerValue");
        Label laptop = row(grid, 4, messages.text("conflicts.laptop"), value(conflict.laptopValue()));
        laptop.setId("conflictLaptopValue");
        Button keepServer = new Button(messages.text("conflicts.keepServer"));
        keepServer.setId("keepServer");
        keepServer.setOnAction(e -> choose(conflict, conflict.serverValue()));
        Button keepLaptop = new Button(messages.text("conflicts.keepLaptop"));
        keepLaptop.setId("keepLaptop");
        keepLaptop.setOnAction(e -> choose(conflict, conflict.laptopValue()));
        VBox card = new VBox(8, grid, new HBox(8, keepServer, keepLaptop));
        card.getStyleClass().add("card");
        card.setPadding(new Insets(10));
        return card;
    }

    /** Which agreement or referral it is, as the coach knows it: ": Formulier samen invullen". */
    private String describe(Conflict conflict) {
        var records = session.caseload().recordsOf(conflict.residentId());
        return records.agreements().stream().filter(a -> a.id().equals(conflict.recordId())).findFirst()
                .map(a -> ": " + a.description())
                .or(() -> records.referrals().stream().filter(r -> r.id().equals(conflict.recordId())).findFirst()
                        .map(r -> ": " + session.label(session.reference().partners(), r.partner())))
                .orElse("");
    }

    private void choose(Conflict conflict, JsonNode value) {
        problem.setText("");
        status.resolve(conflict, value, () -> { }, problem::setText);
    }

    private static Label row(GridPane grid, int row, String name, String value) {
        Label label = new Label(name);
        label.getStyleClass().add("field-name");
        Label text = new Label(value);
        text.setWrapText(true);
        grid.addRow(row, label, text);
        return text;
    }

    private String label(String key, String fallback) {
        try {
            return messages.text(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static String lastPart(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A value as the coach reads it: a date in Dutch, an empty value said so, text as it is. */
    private String value(JsonNode node) {
        if (node == null || node.isNull() || node.asText().isEmpty()) {
            return messages.text("conflicts.empty");
        }
        if (node.isTextual()) {
            try {
                return messages.date(LocalDate.parse(node.asText()));
            } catch (DateTimeParseException e) {
                return node.asText();
            }
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
