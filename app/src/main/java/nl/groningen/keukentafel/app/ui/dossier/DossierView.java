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
import nl.groningen.keukentafel.app.ui.Confirmation;
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
import nl.groningen.keukentafel.app.ui.office.FilePicker;
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
        this(model, session, navigator, printer, FilePicker.system());
    }

    /** {@code files} asks where to save the resident's access overview (tests answer without a dialog). */
    public DossierView(DossierViewModel model, CoachSession session, Navigator navigator, PlanPrinter printer,
                       FilePicker files) {
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
        // The resident's right of access: everything this laptop holds about them, as a PDF (Alt+I).
        Button access = new Button(messages.text("dossier.access"));
        access.setId("dossierAccess");
        access.setMnemonicParsing(true);
        access.setOnAction(e -> saveAccess(model, messages, files));
        Button visit = new Button(messages.text("dossier.planVisit"));
        visit.setId("dossierPlanVisit");
        visit.setOnAction(e -> planVisit(model, messages));
        Button contact = new Button(messages.text("dossier.changeContact"));
        contact.setId("dossierChangeContact");
        contact.setOnAction(e -> changeContact(model, messages));
        // The name and the way back whole; the buttons take the rest of the row, and a next line when a long name leaves too little.
        back.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 6, conversation, visit, attempt, contact, print,
                access);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(buttons, Priority.ALWAYS);
        HBox actions = new HBox(8, back, title, buttons);
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
        Button postpone = new Button(messages.text("dossier.postpone"));
        postpone.setId("dossierPostpone");
        postpone.disableProperty().bind(agreements.getSelectionModel().selectedItemProperty().isNull());
        postpone.setOnAction(e -> postpone(model, messages, agreements.getSelectionModel().getSelectedItem()));

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
        Button addStep = new Button(messages.text("dossier.addStep"));
        addStep.setId("dossierAddStep");
        addStep.disableProperty().bind(plan.getSelectionModel().selectedItemProperty().isNull());
        addStep.setOnAction(e -> addStep(model, messages, plan.getSelectionModel().getSelectedIndex()));
        Button changeGoal = new Button(messages.text("dossier.changeGoal"));
        changeGoal.setId("dossierChangeGoal");
        changeGoal.disableProperty().bind(plan.getSelectionModel().selectedItemProperty().isNull());
        changeGoal.setOnAction(e -> changeGoal(model, messages, plan.getSelectionModel().getSelectedIndex()));
        Button removeGoal = new Button(messages.text("dossier.removeGoal"));
        removeGoal.setId("dossierRemoveGoal");
        removeGoal.disableProperty().bind(plan.getSelectionModel().selectedItemProperty().isNull());
        removeGoal.setOnAction(e -> removeGoal(model, messages, plan.getSelectionModel().getSelectedIndex()));
        javafx.scene.layout.FlowPane planActions = new javafx.scene.layout.FlowPane(8, 8, addGoal, toggleStep, addStep, changeGoal, removeGoal);

        VBox left = new VBox(8, details,
                section(messages.text("dossier.openAgreements")), agreements, new HBox(8, agreementDone, postpone),
                section(messages.text("dossier.openReferrals")), referrals, new HBox(8, referralRunning, referralDone),
                section(messages.text("dossier.plan")), plan, planActions);
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
        Button moveVisit = new Button(messages.text("dossier.moveVisit"));
        moveVisit.setId("dossierMoveVisit");
        Button cancelVisit = new Button(messages.text("dossier.cancelVisit"));
        cancelVisit.setId("dossierCancelVisit");
        javafx.beans.binding.BooleanBinding noVisitAhead = javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            TimelineLine line = timeline.getSelectionModel().getSelectedItem();
            return line == null || line.type() != TimelineEntry.Kind.APPOINTMENT || model.visitAhead(line.recordId()).isEmpty();
        }, timeline.getSelectionModel().selectedItemProperty());
        moveVisit.disableProperty().bind(noVisitAhead);
        cancelVisit.disableProperty().bind(noVisitAhead);
        moveVisit.setOnAction(e -> model.visitAhead(timeline.getSelectionModel().getSelectedItem().recordId())
                .ifPresent(v -> moveVisit(model, messages, v)));
        cancelVisit.setOnAction(e -> model.visitAhead(timeline.getSelectionModel().getSelectedItem().recordId())
                .ifPresent(v -> cancelVisit(model, messages, v)));
        read.disableProperty().bind(noConversation);
        correct.disableProperty().bind(noConversation);
        read.setOnAction(e -> showConversation(model, messages, timeline.getSelectionModel().getSelectedItem()));
        correct.setOnAction(e -> model.correct(timeline.getSelectionModel().getSelectedItem().recordId()));
        timeline.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !noConversation.get()) {
                showConversation(model, messages, timeline.getSelectionModel().getSelectedItem());
            }
        });
        javafx.scene.layout.FlowPane timelineActions = new javafx.scene.layout.FlowPane(8, 8, read, correct, moveVisit, cancelVisit);
        VBox right = new VBox(8, section(messages.text("dossier.timeline")), timeline, timelineActions);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox columns = new HBox(12, leftScroll, right);
        VBox.setVgrow(columns, Priority.ALWAYS);

        // Right under the buttons, across the screen: where the eye is after pressing one, whichever column it acted on.
        getChildren().addAll(actions, message, columns, new Label(messages.text("dossier.keys")));

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

    private void saveAccess(DossierViewModel model, Messages messages, FilePicker files) {
        if (getScene() == null) {
            return;
        }
        java.nio.file.Path file = files.save(getScene().getWindow(), messages.text("dossier.accessTitle"),
                model.suggestedAccessName(), "PDF", "*.pdf");
        if (file != null) {
            model.accessTo(file);
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

    /** A visit's day, time (null when not a time) and place as the coach filled them in. */
    private record VisitChoice(java.time.LocalDate day, LocalTime time, Place place) {
    }

    private void planVisit(DossierViewModel model, Messages messages) {
        askVisit(messages, messages.text("dossier.planVisit"), null, "10:00", Place.HOME)
                .ifPresent(v -> model.planVisit(v.day(), v.time(), v.place()));
    }

    private void moveVisit(DossierViewModel model, Messages messages, nl.groningen.keukentafel.contract.Appointment visit) {
        java.time.LocalDateTime at = model.visitTime(visit);
        askVisit(messages, messages.text("dossier.moveVisit"), at.toLocalDate(), at.toLocalTime().toString(), visit.place())
                .ifPresent(v -> model.moveVisit(visit, v.day(), v.time(), v.place()));
    }

    private void cancelVisit(DossierViewModel model, Messages messages, nl.groningen.keukentafel.contract.Appointment visit) {
        java.time.LocalDateTime at = model.visitTime(visit);
        if (Confirmation.ask(getScene().getWindow(), "cancelVisitDialog",
                messages.text("dossier.cancelVisitConfirm", messages.date(at.toLocalDate()), at.toLocalTime().toString()),
                messages.text("dossier.cancelVisitYes"), messages.text("dossier.cancelVisitKeep"))) {
            model.cancelVisit(visit);
        }
    }

    /** The visit dialog: day, time and place, filled in with what is given. */
    private java.util.Optional<VisitChoice> askVisit(Messages messages, String heading, java.time.LocalDate dayNow,
                                                     String timeNow, Place placeNow) {
        DatePicker day = Fields.datePicker("visitDate", messages);
        day.setValue(dayNow);
        TextField time = new TextField(timeNow);
        time.setId("visitTime");
        ComboBox<Place> place = new ComboBox<>();
        place.setId("visitPlace");
        place.getItems().setAll(Place.values());
        place.setValue(placeNow);
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
        GridPane grid = formGrid();
        grid.addRow(0, new Label(messages.text("dossier.visitDate")), day);
        grid.addRow(1, new Label(messages.text("dossier.visitTime")), time);
        grid.addRow(2, new Label(messages.text("dossier.visitPlace")), place);
        if (!askForm(messages, "visitDialog", heading, grid, day)) {
            return java.util.Optional.empty();
        }
        day.commitValue();
        LocalTime at;
        try {
            at = LocalTime.parse(time.getText().trim().length() == 4 ? "0" + time.getText().trim() : time.getText().trim());
        } catch (DateTimeParseException e) {
            at = null;
        }
        return java.util.Optional.of(new VisitChoice(day.getValue(), at, place.getValue()));
    }

    private void postpone(DossierViewModel model, Messages messages, Agreement agreement) {
        DatePicker day = Fields.datePicker("postponeDate", messages);
        day.setValue(agreement.dueDate());
        Label what = new Label(agreement.description());
        what.setWrapText(true);
        GridPane grid = formGrid();
        grid.addRow(0, new Label(messages.text("dossier.postponeWhat")), what);
        grid.addRow(1, new Label(messages.text("dossier.postponeDate")), day);
        if (askForm(messages, "postponeDialog", messages.text("dossier.postpone"), grid, day)) {
            day.commitValue();
            model.postponeAgreement(agreement, day.getValue());
        }
    }

    private void changeContact(DossierViewModel model, Messages messages) {
        DossierViewModel.ContactDetails now = model.contactDetails();
        TextField street = field("contactStreet", now.street(), 24);
        TextField number = field("contactHouseNumber", now.houseNumber(), 6);
        TextField postcode = field("contactPostcode", now.postcode(), 8);
        TextField phone = field("contactPhone", now.phone(), 16);
        GridPane grid = formGrid();
        grid.addRow(0, labelFor(messages.text("dossier.contactStreet"), street), street);
        grid.addRow(1, labelFor(messages.text("dossier.contactHouseNumber"), number), number);
        grid.addRow(2, labelFor(messages.text("dossier.contactPostcode"), postcode), postcode);
        grid.addRow(3, labelFor(messages.text("dossier.contactPhone"), phone), phone);
        Label note = new Label(messages.text("dossier.contactNote"));
        note.setWrapText(true);
        note.setMaxWidth(420);
        if (askForm(messages, "contactDialog", messages.text("dossier.changeContact"), new VBox(12, grid, note), phone)) {
            model.changeContact(street.getText(), number.getText(), postcode.getText(), phone.getText());
        }
    }

    private void addStep(DossierViewModel model, Messages messages, int planLine) {
        model.goalOn(planLine).ifPresent(goal -> {
            TextField step = field("stepText", "", 30);
            GridPane grid = formGrid();
            Label goalText = new Label(goal.goal());
            goalText.setWrapText(true);
            grid.addRow(0, new Label(messages.text("dossier.stepGoal")), goalText);
            grid.addRow(1, labelFor(messages.text("dossier.stepText"), step), step);
            if (askForm(messages, "stepDialog", messages.text("dossier.addStep"), grid, step)) {
                model.addStep(planLine, step.getText());
            }
        });
    }

    private void changeGoal(DossierViewModel model, Messages messages, int planLine) {
        model.goalOn(planLine).ifPresent(goal -> goalDialog(model, messages, messages.text("dossier.changeGoal"), goal.domain(),
                goal.goal(), false).ifPresent(g -> model.changeGoal(planLine, g.domain(), g.goal())));
    }

    private void removeGoal(DossierViewModel model, Messages messages, int planLine) {
        model.goalOn(planLine).ifPresent(goal -> {
            if (Confirmation.ask(getScene().getWindow(), "removeGoalDialog",
                    messages.text("dossier.removeGoalConfirm", goal.goal(), goal.steps().size()),
                    messages.text("dossier.removeGoalYes"), messages.text("dossier.removeGoalKeep"))) {
                model.removeGoal(planLine);
            }
        });
    }

    /**
     * Shows one of the dossier's forms: {@code content} with OK (Enter) and Annuleren (Esc), the
     * keyboard in {@code first}; true when the coach pressed OK.
     */
    private boolean askForm(Messages messages, String id, String title, javafx.scene.Node content, javafx.scene.Node first) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(title);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().setContent(content);
        ButtonType save = DialogButtons.ok(messages);
        dialog.getDialogPane().getButtonTypes().addAll(save, DialogButtons.cancel(messages));
        dialog.setResultConverter(b -> b == save);
        Platform.runLater(first::requestFocus);
        return dialog.showAndWait().orElse(false);
    }

    private static GridPane formGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        return grid;
    }

    private static TextField field(String id, String text, int columns) {
        TextField field = new TextField(text == null ? "" : text);
        field.setId(id);
        field.setPrefColumnCount(columns);
        return field;
    }

    private static Label labelFor(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        return label;
    }

    /** What the goal dialog gives back: the life domain, the goal and (when adding) a first step. */
    private record GoalChoice(ReferenceItem domain, String goal, String firstStep) {
    }

    private void addGoal(DossierViewModel model, Messages messages) {
        goalDialog(model, messages, messages.text("dossier.addGoal"), null, "", true)
                .ifPresent(g -> model.addGoal(g.domain(), g.goal(), g.firstStep()));
    }

    /** The goal dialog, filled in with {@code domainNow} and {@code goalNow}; a field for the first step when {@code withStep}. */
    private java.util.Optional<GoalChoice> goalDialog(DossierViewModel model, Messages messages, String heading, String domainNow,
                                                      String goalNow, boolean withStep) {
        ComboBox<ReferenceItem> domain = new ComboBox<>();
        domain.setId("goalDomain");
        domain.getItems().setAll(model.lifeDomains());
        domain.getItems().stream().filter(i -> i.code().equals(domainNow)).findFirst().ifPresent(domain::setValue);
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
        TextField goal = field("goalText", goalNow, 30);
        TextField step = field("goalStep", "", 30);
        GridPane grid = formGrid();
        grid.addRow(0, labelFor(messages.text("dossier.goalDomain"), domain), domain);
        grid.addRow(1, labelFor(messages.text("dossier.goalText"), goal), goal);
        if (withStep) {
            grid.addRow(2, labelFor(messages.text("dossier.goalStep"), step), step);
        }
        return askForm(messages, "goalDialog", heading, grid, domainNow == null ? domain : goal)
                ? java.util.Optional.of(new GoalChoice(domain.getValue(), goal.getText(), step.getText()))
                : java.util.Optional.empty();
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }
}
