package nl.groningen.keukentafel.app.ui.dossier;

import java.io.File;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import nl.groningen.keukentafel.app.domain.TimelineEntry;
import nl.groningen.keukentafel.app.print.PlanPrinter;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.DialogButtons;
import nl.groningen.keukentafel.app.ui.DueBadge;
import nl.groningen.keukentafel.app.ui.EnumLabels;
import nl.groningen.keukentafel.app.ui.Fields;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.Navigator;
import nl.groningen.keukentafel.app.ui.ScrollToFocused;
import nl.groningen.keukentafel.app.ui.Shortcuts;
import nl.groningen.keukentafel.app.ui.WrappingCell;
import nl.groningen.keukentafel.app.ui.attempt.ContactAttemptPicker;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Place;
import nl.groningen.keukentafel.contract.ReferenceItem;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.ReferralStatus;

/**
 * The resident's dossier: details and outreach status, open agreements and referrals to act on,
 * the development plan, and one timeline of everything recorded. Esc goes back to the caseload,
 * Ctrl+N opens the conversation form, Ctrl+K logs a contact attempt, Ctrl+P prints for the resident.
 */
public final class DossierView extends VBox {

    /** {@code printer} sends the printout to a printer the coach picks (the PDF is saved here). */
    public DossierView(DossierViewModel model, CoachSession session, Navigator navigator, PlanPrinter printer) {
        Messages messages = session.messages();
        setId("dossierView");
        setSpacing(12);
        setPadding(new Insets(12));

        Button back = new Button(messages.text("dossier.back"));
        back.setId("dossierBack");
        back.setCancelButton(true);
        back.setOnAction(e -> model.back());
        Label title = new Label();
        title.setId("dossierTitle");
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(model.titleProperty());

        Button conversation = new Button(messages.text(model.hasDraft() ? "dossier.continueConversation" : "dossier.newConversation"));
        conversation.setId("dossierConversation");
        conversation.setOnAction(e -> model.newConversation());
        Button attempt = new Button(messages.text("attempt.button"));
        attempt.setId("dossierLogAttempt");
        attempt.setOnAction(e -> pickAttempt(model, messages));
        Button print = new Button(messages.text("dossier.print"));
        print.setId("dossierPrint");
        print.setOnAction(e -> print(model, messages, printer));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button visit = new Button(messages.text("dossier.planVisit"));
        visit.setId("dossierPlanVisit");
        visit.setOnAction(e -> planVisit(model, messages));
        HBox actions = new HBox(8, back, title, spacer, conversation, visit, attempt, print);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox details = new VBox(2);
        details.setId("dossierDetails");
        Runnable showDetails = () -> details.getChildren().setAll(model.details().stream().map(line -> {
            Label label = new Label(line);
            // Wraps rather than ending in "...": the next contact's line with its badge is wider than the column.
            label.setWrapText(true);
            if (line.equals(model.nextContactLine())) {
                label.setId("dossierNextContact");
                DueBadge.mark(label, messages, model.nextContactDue());
            }
            return label;
        }).toList());
        model.details().addListener((ListChangeListener<String>) change -> showDetails.run());
        showDetails.run();

        Label message = new Label();
        message.setId("dossierMessage");
        message.getStyleClass().add("notice");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);

        ListView<Agreement> agreements = new ListView<>(model.openAgreements());
        agreements.setId("dossierAgreements");
        agreements.setPlaceholder(new Label(messages.text("dossier.noOpenAgreements")));
        agreements.setCellFactory(list -> new WrappingCell<>(model::agreementText) {
            @Override
            protected void updateItem(Agreement a, boolean empty) {
                super.updateItem(a, empty);
                DueBadge.mark(this, messages, empty || a == null ? null : model.agreementDue(a));
            }
        });
        agreements.setPrefHeight(130);
        Button agreementDone = new Button(messages.text("dossier.markDone"));
        agreementDone.setId("dossierAgreementDone");
        agreementDone.disableProperty().bind(agreements.getSelectionModel().selectedItemProperty().isNull());
        agreementDone.setOnAction(e -> model.markAgreementDone(agreements.getSelectionModel().getSelectedItem()));

        ListView<Referral> referrals = new ListView<>(model.openReferrals());
        referrals.setId("dossierReferrals");
        referrals.setPlaceholder(new Label(messages.text("dossier.noOpenReferrals")));
        referrals.setCellFactory(list -> new WrappingCell<>(model::referralText) {
            @Override
            protected void updateItem(Referral x, boolean empty) {
                super.updateItem(x, empty);
                DueBadge.mark(this, messages, empty || x == null ? null : model.referralDue(x));
            }
        });
        referrals.setPrefHeight(100);
        Button referralRunning = new Button(messages.text("dossier.referralRunning"));
        referralRunning.setId("dossierReferralRunning");
        referralRunning.disableProperty().bind(referrals.getSelectionModel().selectedItemProperty().isNull());
        referralRunning.setOnAction(e -> model.markReferral(referrals.getSelectionModel().getSelectedItem(), ReferralStatus.ACCEPTED));
        Button referralDone = new Button(messages.text("dossier.referralDone"));
        referralDone.setId("dossierReferralDone");
        referralDone.disableProperty().bind(referrals.getSelectionModel().selectedItemProperty().isNull());
        referralDone.setOnAction(e -> model.markReferral(referrals.getSelectionModel().getSelectedItem(), ReferralStatus.COMPLETED));

        ListView<String> plan = new ListView<>(model.plan());
        plan.setId("dossierPlan");
        plan.setPlaceholder(new Label(messages.text("dossier.noPlan")));
        plan.setCellFactory(list -> new WrappingCell<>(line -> line));
        plan.setPrefHeight(120);
        Button addGoal = new Button(messages.text("dossier.addGoal"));
        addGoal.setId("dossierAddGoal");
        addGoal.setOnAction(e -> addGoal(model, messages));
        Button toggleStep = new Button(messages.text("dossier.toggleStep"));
        toggleStep.setId("dossierToggleStep");
        toggleStep.disableProperty().bind(plan.getSelectionModel().selectedItemProperty().isNull());
        toggleStep.setOnAction(e -> model.toggleStep(plan.getSelectionModel().getSelectedIndex()));

        VBox left = new VBox(8, details, message,
                section(messages.text("dossier.openAgreements")), agreements, agreementDone,
                section(messages.text("dossier.openReferrals")), referrals, new HBox(8, referralRunning, referralDone),
                section(messages.text("dossier.plan")), plan, new HBox(8, addGoal, toggleStep));
        VBox.setVgrow(plan, Priority.SOMETIMES);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        ScrollToFocused.install(leftScroll);
        leftScroll.setPrefWidth(520);
        leftScroll.setMinWidth(440);

        ListView<TimelineLine> timeline = new ListView<>(model.timeline());
        timeline.setId("dossierTimeline");
        timeline.setPlaceholder(new Label(messages.text("dossier.emptyTimeline")));
        timeline.setCellFactory(list -> new WrappingCell<>(TimelineLine::toString));
        VBox.setVgrow(timeline, Priority.ALWAYS);
        Button read = new Button(messages.text("dossier.readConversation"));
        read.setId("dossierReadConversation");
        Button correct = new Button(messages.text("dossier.correctConversation"));
        correct.setId("dossierCorrectConversation");
        javafx.beans.binding.BooleanBinding noConversation = javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            TimelineLine line = timeline.getSelectionModel().getSelectedItem();
            return line == null || line.type() != TimelineEntry.Kind.CONVERSATION;
        }, timeline.getSelectionModel().selectedItemProperty());
        read.disableProperty().bind(noConversation);
        correct.disableProperty().bind(noConversation);
        read.setOnAction(e -> showConversation(model, messages, timeline.getSelectionModel().getSelectedItem()));
        correct.setOnAction(e -> model.correct(timeline.getSelectionModel().getSelectedItem().recordId()));
        timeline.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !noConversation.get()) {
                showConversation(model, messages, timeline.getSelectionModel().getSelectedItem());
            }
        });
        VBox right = new VBox(8, section(messages.text("dossier.timeline")), timeline, new HBox(8, read, correct));
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox columns = new HBox(12, leftScroll, right);
        VBox.setVgrow(columns, Priority.ALWAYS);

        getChildren().addAll(actions, columns, new Label(messages.text("dossier.keys")));

        Shortcuts.bind(this, new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), model::newConversation);
        Shortcuts.bind(this, new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), () -> pickAttempt(model, messages));
        Shortcuts.bind(this, new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), () -> print(model, messages, printer));
    }

    private void pickAttempt(DossierViewModel model, Messages messages) {
        if (getScene() == null) {
            return;
        }
        ContactAttemptPicker.pick(getScene().getWindow(), messages, model.titleProperty().get())
                .ifPresent(choice -> model.logAttempt(choice.channel(), choice.result()));
    }

    /** Asks: to the printer (the default, Enter) or as PDF; Esc asks nothing more. */
    private void print(DossierViewModel model, Messages messages, PlanPrinter printer) {
        if (getScene() == null) {
            return;
        }
        ButtonType toPrinter = new ButtonType(messages.text("print.toPrinter"), ButtonData.OK_DONE);
        ButtonType toPdf = new ButtonType(messages.text("print.toPdf"), ButtonData.OTHER);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(messages.text("dossier.print"));
        dialog.getDialogPane().setId("printDialog");
        dialog.getDialogPane().setContentText(messages.text("print.choose"));
        dialog.getDialogPane().getButtonTypes().addAll(toPrinter, toPdf, DialogButtons.cancel(messages));
        ButtonType chosen = dialog.showAndWait().orElse(null);
        if (chosen == toPrinter) {
            model.printed(printer.print(model.printContent(), getScene().getWindow()));
        } else if (chosen == toPdf) {
            saveAsPdf(model, messages);
        }
    }

    private void saveAsPdf(DossierViewModel model, Messages messages) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.text("dossier.printTitle"));
        chooser.setInitialFileName(model.suggestedPrintName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.printTo(file.toPath());
        }
    }

    private void showConversation(DossierViewModel model, Messages messages, TimelineLine line) {
        TextArea text = new TextArea(model.conversationText(line.recordId()));
        text.setId("conversationRecord");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefSize(640, 420);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(messages.text("dossier.readConversation"));
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().getButtonTypes().add(DialogButtons.close(messages));
        dialog.showAndWait();
    }

    private void planVisit(DossierViewModel model, Messages messages) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(messages.text("dossier.planVisit"));
        dialog.getDialogPane().setId("visitDialog");
        DatePicker day = Fields.datePicker("visitDate", messages);
        TextField time = new TextField("10:00");
        time.setId("visitTime");
        ComboBox<Place> place = new ComboBox<>();
        place.setId("visitPlace");
        place.getItems().setAll(Place.values());
        place.setValue(Place.HOME);
        place.setConverter(new StringConverter<>() {
            @Override
            public String toString(Place p) {
                return EnumLabels.of(messages, "place", p);
            }

            @Override
            public Place fromString(String text) {
                return null;
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.text("dossier.visitDate")), day);
        grid.addRow(1, new Label(messages.text("dossier.visitTime")), time);
        grid.addRow(2, new Label(messages.text("dossier.visitPlace")), place);
        dialog.getDialogPane().setContent(grid);
        ButtonType save = DialogButtons.ok(messages);
        dialog.getDialogPane().getButtonTypes().addAll(save, DialogButtons.cancel(messages));
        dialog.setResultConverter(b -> b == save);
        Platform.runLater(day::requestFocus);
        dialog.showAndWait().filter(Boolean::booleanValue).ifPresent(ok -> {
            day.commitValue();
            LocalTime at;
            try {
                at = LocalTime.parse(time.getText().trim().length() == 4 ? "0" + time.getText().trim() : time.getText().trim());
            } catch (DateTimeParseException e) {
                at = null;
            }
            model.planVisit(day.getValue(), at, place.getValue());
        });
    }

    private void addGoal(DossierViewModel model, Messages messages) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(messages.text("dossier.addGoal"));
        dialog.getDialogPane().setId("goalDialog");
        ComboBox<ReferenceItem> domain = new ComboBox<>();
        domain.setId("goalDomain");
        domain.getItems().setAll(model.lifeDomains());
        domain.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReferenceItem item) {
                return item == null ? messages.text("field.choose") : model.label(model.lifeDomains(), item.code());
            }

            @Override
            public ReferenceItem fromString(String text) {
                return null;
            }
        });
        TextField goal = new TextField();
        goal.setId("goalText");
        goal.setPrefColumnCount(30);
        TextField step = new TextField();
        step.setId("goalStep");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.text("dossier.goalDomain")), domain);
        grid.addRow(1, new Label(messages.text("dossier.goalText")), goal);
        grid.addRow(2, new Label(messages.text("dossier.goalStep")), step);
        dialog.getDialogPane().setContent(grid);
        ButtonType save = DialogButtons.ok(messages);
        dialog.getDialogPane().getButtonTypes().addAll(save, DialogButtons.cancel(messages));
        dialog.setResultConverter(b -> b == save);
        Platform.runLater(domain::requestFocus);
        dialog.showAndWait().filter(Boolean::booleanValue)
                .ifPresent(ok -> model.addGoal(domain.getValue(), goal.getText(), step.getText()));
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }
}
