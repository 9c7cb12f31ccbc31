package nl.groningen.keukentafel.app.ui.office;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.groningen.keukentafel.app.ui.Confirmation;
import nl.groningen.keukentafel.app.ui.DialogButtons;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.Theme;
import nl.groningen.keukentafel.contract.office.AuditEntry;
import nl.groningen.keukentafel.contract.office.ErasureReason;
import nl.groningen.keukentafel.contract.office.ErasureSummary;
import nl.groningen.keukentafel.contract.office.ResidentSummary;

/**
 * "Inzage en wissen": the residents found at the top, the chosen one's audit trail under them (the
 * whole width: its sentences are long) with the right of access to save (PDF or JSON) and, for an admin, "Wissen…": the summary of what
 * goes, a reason and an optional reference, then a confirmation whose safe answer is the default.
 * Keyboard: Enter in the search field searches, Tab to the residents and the arrows choose one,
 * Tab on to the trail and the buttons.
 */
public final class PrivacyView extends VBox {

    private final PrivacyViewModel model;
    private final Messages messages;
    private final FilePicker files;
    private final TextField query;

    public PrivacyView(PrivacyViewModel model, FilePicker files) {
        this.model = model;
        this.messages = model.messages();
        this.files = files;
        setId("privacyView");
        setSpacing(8);
        setPadding(new Insets(12));

        Label title = new Label(messages.text("office.privacy.title"));
        title.getStyleClass().add("screen-title");
        Label explain = new Label(messages.text("office.privacy.explain"));
        explain.setWrapText(true);
        query = new TextField();
        query.setId("privacyQuery");
        query.setPromptText(messages.text("office.privacy.queryPrompt"));
        query.setPrefColumnCount(16);
        query.textProperty().bindBidirectional(model.queryProperty());
        query.setOnAction(e -> model.search());
        Label queryLabel = new Label(messages.text("office.privacy.query"));
        queryLabel.setLabelFor(query);
        Button search = new Button(messages.text("office.privacy.search"));
        search.setId("privacySearch");
        search.setOnAction(e -> model.search());
        FlowPane searchRow = new FlowPane(8, 6, queryLabel, query, search);
        searchRow.setAlignment(Pos.CENTER_LEFT);
        Label found = new Label();
        found.setId("privacyFound");
        found.setWrapText(true);
        found.textProperty().bind(model.foundProperty());
        TableView<ResidentSummary> residents = Tables.table("privacyResidents", messages.text("office.privacy.noResidents"));
        residents.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        residents.getColumns().add(Tables.column(messages.text("office.clientNumber"), 130, ResidentSummary::clientNumber));
        residents.getColumns().add(Tables.column(messages.text("office.name"), 300, ResidentSummary::name));
        residents.getColumns().add(Tables.column(messages.text("office.wijk"), 160, r -> r.wijk() == null ? "" : r.wijk()));
        residents.getColumns().add(Tables.column(messages.text("office.coach"), 200, r -> r.coachName() == null ? "" : r.coachName()));
        residents.setItems(model.residents());
        residents.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> model.choose(now));
        // Tab into the list chooses the first found (a table otherwise only focuses it, and Down skips it).
        residents.focusedProperty().addListener((o, was, focused) -> {
            if (focused && residents.getSelectionModel().isEmpty() && !residents.getItems().isEmpty()) {
                residents.getSelectionModel().selectFirst();
            }
        });
        // The arrow keys choose from the search field on, as the hint below says.
        query.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DOWN && !residents.getItems().isEmpty()) {
                residents.requestFocus();
                if (residents.getSelectionModel().isEmpty()) {
                    residents.getSelectionModel().select(0);
                    residents.getFocusModel().focus(0);
                }
                e.consume();
            }
        });
        // A search finds one resident, or a few: the trail below gets the room.
        residents.setPrefHeight(150);
        residents.setMinHeight(110);

        Label heading = new Label();
        heading.setId("privacyHeading");
        heading.setWrapText(true);
        heading.getStyleClass().add("section-title");
        heading.textProperty().bind(model.headingProperty());
        Label erased = new Label();
        erased.textProperty().bind(model.erasedNoticeProperty());
        erased.setId("privacyErased");
        erased.setWrapText(true);
        erased.getStyleClass().add("office-message");
        erased.visibleProperty().bind(model.erasedProperty());
        erased.managedProperty().bind(model.erasedProperty());
        TableView<AuditEntry> trail = Tables.table("privacyTrail", messages.text("office.privacy.noEntries"));
        TableColumn<AuditEntry, String> when = Tables.column(messages.text("office.privacy.column.when"), 165, entry -> model.when(entry.at()));
        Label whenHeader = new Label(messages.text("office.privacy.column.when"));
        whenHeader.setTooltip(new Tooltip(messages.text("office.privacy.column.whenTip")));
        when.setText(null);
        when.setGraphic(whenHeader);
        trail.getColumns().add(when);
        trail.getColumns().add(Tables.column(messages.text("office.privacy.column.who"), 200, model::who));
        trail.getColumns().add(Tables.column(messages.text("office.privacy.column.device"), 220, model::device));
        trail.getColumns().add(Tables.column(messages.text("office.privacy.column.what"), 420, model::what));
        // The order is the trail's (newest first), said in the tooltip; sorting by the text of a date would mislead.
        trail.getColumns().forEach(c -> c.setSortable(false));
        trail.setItems(model.entries());
        trail.setMinHeight(120);
        VBox.setVgrow(trail, Priority.ALWAYS);

        Button pdf = new Button(messages.text("office.privacy.pdf"));
        pdf.setId("privacyPdf");
        pdf.disableProperty().bind(model.canSaveProperty().not());
        pdf.setOnAction(e -> model.saveAccess(PrivacyViewModel.Format.PDF, chooseFile(PrivacyViewModel.Format.PDF)));
        Button json = new Button(messages.text("office.privacy.json"));
        json.setId("privacyJson");
        json.disableProperty().bind(model.canSaveProperty().not());
        json.setOnAction(e -> model.saveAccess(PrivacyViewModel.Format.JSON, chooseFile(PrivacyViewModel.Format.JSON)));
        Button erase = new Button(messages.text("office.privacy.erase"));
        erase.setId("privacyErase");
        // Only an admin may erase: an office user does not see the button at all.
        erase.setVisible(model.admin());
        erase.setManaged(model.admin());
        erase.disableProperty().bind(model.canEraseProperty().not());
        erase.setOnAction(e -> model.erasureSummary(this::askErasure));
        FlowPane actions = new FlowPane(8, 6, pdf, json, erase);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("privacyMessage");
        message.setWrapText(true);
        message.getStyleClass().add("office-message");
        message.textProperty().bind(model.messageProperty());
        Label keys = new Label(messages.text("office.privacy.keys"));
        keys.setWrapText(true);

        // Wrapped sentences keep their lines: the trail gives up the height, not the text.
        for (Label wrapped : new Label[] {explain, found, heading, erased, message, keys}) {
            wrapped.setMinHeight(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(title, explain, searchRow, found, residents, heading, erased, trail, actions, message, keys);
    }

    public void focusFirst() {
        query.requestFocus();
    }

    private Path chooseFile(PrivacyViewModel.Format format) {
        return files.save(getScene().getWindow(), messages.text("office.privacy.saveTitle"), model.suggestedName(format),
                messages.text(format.filterKey()), "*." + format.extension());
    }

    /** The summary first, then the reason and reference; "Verder" leads to the confirmation, which erases. */
    private void askErasure(ErasureSummary summary) {
        ButtonType next = new ButtonType(messages.text("office.privacy.next"), ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(messages.text("office.privacy.eraseTitle"));
        dialog.setHeaderText(messages.text("office.privacy.eraseHeader", summary.resident().name(), summary.resident().clientNumber()));
        dialog.getDialogPane().setId("erasureDialog");
        dialog.getDialogPane().getStylesheets().add(Theme.appStyleSheet());
        dialog.getDialogPane().getButtonTypes().addAll(next, DialogButtons.cancel(messages));

        Label goes = new Label(messages.text("office.privacy.summaryRecords"));
        goes.getStyleClass().add("section-title");
        VBox lines = new VBox(2);
        lines.setId("erasureSummary");
        for (String line : model.summaryLines(summary)) {
            Label shown = new Label("\u2022 " + line);
            shown.setWrapText(true);
            lines.getChildren().add(shown);
        }
        Label kept = new Label(messages.text("office.privacy.summaryKept"));
        kept.setWrapText(true);

        // A choice box, as the other office dialogs choose (the app's theme draws no radio buttons); none chosen at first.
        ComboBox<ErasureReason> reason = new ComboBox<>();
        reason.setId("erasureReason");
        reason.getItems().addAll(PrivacyViewModel.REASONS);
        reason.setConverter(Tables.converter(r -> r == null ? "" : model.reasonLabel(r)));
        reason.setPromptText(messages.text("office.privacy.reasonPrompt"));
        reason.setMaxWidth(Double.MAX_VALUE);
        Label reasonLabel = new Label(messages.text("office.privacy.reason"));
        reasonLabel.setMnemonicParsing(true);
        reasonLabel.setLabelFor(reason);
        reasonLabel.getStyleClass().add("section-title");
        TextField reference = new TextField();
        reference.setId("erasureReference");
        reference.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().length() <= PrivacyViewModel.MAX_REFERENCE ? change : null));
        Label referenceLabel = new Label(messages.text("office.privacy.reference"));
        referenceLabel.setMnemonicParsing(true);
        referenceLabel.setLabelFor(reference);
        Label referenceHint = new Label();
        referenceHint.setId("erasureReferenceHint");
        referenceHint.setWrapText(true);
        referenceHint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> messages.text(
                "office.privacy.referenceHint", PrivacyViewModel.MAX_REFERENCE, reference.getText().length()), reference.textProperty()));
        Label problem = new Label();
        problem.setId("erasureProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("problem");

        VBox content = new VBox(8, goes, lines, kept, reasonLabel, reason, referenceLabel, reference, referenceHint, problem);
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);

        Button ok = (Button) dialog.getDialogPane().lookupButton(next);
        ok.setId("erasureNext");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            String why = model.problem(reason.getValue(), reference.getText());
            if (why != null) {
                problem.setText(why);
                e.consume();
            }
        });
        Platform.runLater(reason::requestFocus);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != next) {
            return;
        }
        ErasureReason chosen = reason.getValue();
        if (Confirmation.ask(getScene().getWindow(), "erasureQuestion", model.question(summary),
                messages.text("office.privacy.yes"), messages.text("office.privacy.no"))) {
            model.erase(summary, chosen, reference.getText());
        }
    }
}
