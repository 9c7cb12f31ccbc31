package nl.groningen.keukentafel.app.ui.conversation;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.Confirmation;
import nl.groningen.keukentafel.app.ui.DialogButtons;
import nl.groningen.keukentafel.app.ui.EnumLabels;
import nl.groningen.keukentafel.app.ui.Fields;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.ScrollToFocused;
import nl.groningen.keukentafel.app.ui.Shortcuts;
import nl.groningen.keukentafel.app.ui.socialmap.SocialMapChooser;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.Place;
import nl.groningen.keukentafel.contract.ReferenceItem;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.SocialMapEntry;

/**
 * The conversation form: every field of the conversation record, agreements and referrals made
 * inline, the term and initiative that set the next contact, and the resident's two ratings at
 * the end. Saved as a draft while typed; Ctrl+Enter finalises; Esc closes (the draft is kept).
 */
public final class ConversationView extends VBox {

    private final DatePicker date;
    private final ConversationViewModel model;
    private final CoachSession session;
    private final Messages messages;
    private SocialMapEntry agreementWhere;
    private SocialMapEntry referralWhere;
    private Consumer<SocialMapEntry> agreementAt;
    private Consumer<SocialMapEntry> referralTo;
    private Runnable focusAgreement;
    private Runnable focusReferral;

    public ConversationView(ConversationViewModel model, CoachSession session) {
        this.model = model;
        this.session = session;
        this.messages = session.messages();
        setId("conversationView");
        setSpacing(8);
        setPadding(new Insets(12));

        Label title = new Label(messages.text(model.isCorrection() ? "conversation.correctionTitle" : "conversation.title",
                model.residentName()));
        title.getStyleClass().add("screen-title");
        Label saved = new Label();
        saved.setId("conversationSaved");
        saved.textProperty().bind(model.savedProperty());
        Label problem = new Label();
        problem.setId("conversationProblem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());

        // The conversation itself
        date = Fields.datePicker("conversationDate", messages);
        date.valueProperty().bindBidirectional(model.dateProperty());
        ComboBox<Place> place = enumBox("conversationPlace", Place.values(), "place");
        place.valueProperty().bindBidirectional(model.placeProperty());
        Spinner<Integer> duration = new Spinner<>(5, 480, model.durationProperty().get(), 5);
        duration.setId("conversationDuration");
        duration.setEditable(true);
        duration.valueProperty().addListener((o, a, b) -> model.durationProperty().set(b));
        CheckBox followUp = new CheckBox(messages.text("conversation.followUp"));
        followUp.setId("conversationFollowUp");
        followUp.selectedProperty().bindBidirectional(model.followUpProperty());
        GridPane basics = grid();
        basics.addRow(0, label("conversation.date", date), date, label("conversation.place", place), place);
        basics.addRow(1, label("conversation.duration", duration), duration, new Label(), followUp);

        // Life domains with notes
        GridPane domains = grid();
        int row = 0;
        for (ReferenceItem item : session.reference().lifeDomains()) {
            CheckBox selected = new CheckBox(model.label(session.reference().lifeDomains(), item.code()));
            selected.setId("domain-" + item.code());
            BooleanProperty chosen = model.domains().get(item.code());
            selected.selectedProperty().bindBidirectional(chosen);
            TextField note = new TextField();
            note.setId("domainNote-" + item.code());
            note.setPromptText(messages.text("conversation.domainNotePrompt"));
            StringProperty text = model.domainNotes().get(item.code());
            note.textProperty().bindBidirectional(text);
            note.disableProperty().bind(chosen.not());
            GridPane.setHgrow(note, Priority.ALWAYS);
            domains.addRow(row++, selected, note);
        }

        TextArea activities = area("conversationActivities", model.activitiesProperty());
        TextArea wishes = area("conversationWishes", model.wishesProperty());
        TextArea goals = area("conversationGoals", model.ownGoalsProperty());

        ComboBox<ReferenceItem> outcome = referenceBox("conversationOutcome", session.reference().outcomeCategories());
        outcome.valueProperty().bindBidirectional(model.outcomeProperty());
        FlowPane provisions = checks("provision-", session.reference().provisions(), model.provisions());
        FlowPane signals = checks("signal-", session.reference().signals(), model.signals());

        // Agreements made in the conversation
        ListView<Agreement> agreementList = new ListView<>(model.agreements());
        agreementList.setId("conversationAgreements");
        agreementList.setPrefHeight(110);
        agreementList.setPlaceholder(new Label(messages.text("conversation.noAgreements")));
        agreementList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Agreement a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : messages.text("dossier.agreementLine", a.description(),
                        EnumLabels.of(messages, "owner", a.owner()), messages.date(a.dueDate()))
                        + session.socialMapEntry(a.socialMapEntry()).map(e -> " · " + e.name()).orElse(""));
            }
        });
        TextField agreementText = new TextField();
        agreementText.setId("agreementDescription");
        agreementText.setPromptText(messages.text("conversation.agreementPrompt"));
        HBox.setHgrow(agreementText, Priority.ALWAYS);
        ComboBox<AgreementOwner> owner = enumBox("agreementOwner", AgreementOwner.values(), "owner");
        owner.setValue(AgreementOwner.COACH);
        ComboBox<ReferenceItem> agreementPartner = referenceBox("agreementPartner", session.reference().partners());
        agreementPartner.disableProperty().bind(owner.valueProperty().isNotEqualTo(AgreementOwner.PARTNER));
        DatePicker due = Fields.datePicker("agreementDue", messages);
        due.setValue(model.defaultAgreementDue());
        Label agreementLink = new Label();
        agreementLink.setId("agreementLink");
        Button agreementMap = new Button(messages.text("conversation.fromSocialMap"));
        agreementMap.setId("agreementSocialMap");
        agreementAt = entry -> {
            agreementWhere = entry;
            agreementLink.setText(entry.name());
            if (agreementText.getText().isBlank()) {
                agreementText.setText(messages.text("conversation.visitEntry", entry.name()));
            }
        };
        agreementMap.setOnAction(e -> SocialMapChooser.choose(getScene().getWindow(), session).ifPresent(agreementAt));
        Button addAgreement = new Button(messages.text("conversation.addAgreement"));
        addAgreement.setId("agreementAdd");
        addAgreement.setOnAction(e -> {
            if (model.addAgreement(agreementText.getText(), owner.getValue(), agreementPartner.getValue(), due.getValue(), agreementWhere)) {
                agreementText.clear();
                agreementWhere = null;
                agreementLink.setText("");
                agreementText.requestFocus();
            }
        });
        agreementText.setOnAction(e -> addAgreement.fire());
        focusAgreement = agreementText::requestFocus;
        Button removeAgreement = new Button(messages.text("conversation.remove"));
        removeAgreement.setId("agreementRemove");
        removeAgreement.disableProperty().bind(agreementList.getSelectionModel().selectedItemProperty().isNull());
        removeAgreement.setOnAction(e -> model.agreements().remove(agreementList.getSelectionModel().getSelectedItem()));
        // A flow, not a row: at 1366×768 the buttons go to a next line whole instead of ending in "...".
        FlowPane agreementOptions = new FlowPane(6, 6, label("conversation.who", owner), owner, agreementPartner,
                label("conversation.due", due), due, agreementMap, addAgreement);
        agreementOptions.setAlignment(Pos.CENTER_LEFT);
        VBox agreementInput = new VBox(6, agreementText, agreementOptions);

        // Referrals
        ListView<Referral> referralList = new ListView<>(model.referrals());
        referralList.setId("conversationReferrals");
        referralList.setPrefHeight(80);
        referralList.setPlaceholder(new Label(messages.text("conversation.noReferrals")));
        referralList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Referral x, boolean empty) {
                super.updateItem(x, empty);
                setText(empty || x == null ? null : messages.text("conversation.referralLine",
                        model.label(session.reference().partners(), x.partner()),
                        x.warmHandover() ? messages.text("timeline.warm") : "", messages.date(x.checkOn()))
                        + session.socialMapEntry(x.socialMapEntry()).map(e -> " · " + e.name()).orElse(""));
            }
        });
        ComboBox<ReferenceItem> referralPartner = referenceBox("referralPartner", session.reference().partners());
        CheckBox warm = new CheckBox(messages.text("conversation.warmHandover"));
        warm.setId("referralWarm");
        DatePicker check = Fields.datePicker("referralCheck", messages);
        check.setValue(model.defaultReferralCheck());
        Label referralLink = new Label();
        Button referralMap = new Button(messages.text("conversation.fromSocialMap"));
        referralMap.setId("referralSocialMap");
        referralTo = entry -> {
            referralWhere = entry;
            referralLink.setText(entry.name());
            session.reference().partners().stream().filter(p -> p.code().equals(entry.partner())).findFirst()
                    .ifPresent(referralPartner::setValue);
        };
        referralMap.setOnAction(e -> SocialMapChooser.choose(getScene().getWindow(), session).ifPresent(referralTo));
        Button addReferral = new Button(messages.text("conversation.addReferral"));
        addReferral.setId("referralAdd");
        addReferral.setOnAction(e -> {
            if (model.addReferral(referralPartner.getValue(), warm.isSelected(), check.getValue(), referralWhere)) {
                referralPartner.setValue(null);
                warm.setSelected(false);
                referralWhere = null;
                referralLink.setText("");
            }
        });
        focusReferral = addReferral::requestFocus;
        Button removeReferral = new Button(messages.text("conversation.remove"));
        removeReferral.setId("referralRemove");
        removeReferral.disableProperty().bind(referralList.getSelectionModel().selectedItemProperty().isNull());
        removeReferral.setOnAction(e -> model.referrals().remove(referralList.getSelectionModel().getSelectedItem()));
        FlowPane referralInput = new FlowPane(6, 6, referralPartner, warm, label("conversation.checkOn", check), check, referralMap,
                referralLink, addReferral);
        referralInput.setAlignment(Pos.CENTER_LEFT);

        // Next contact
        Spinner<Integer> term = new Spinner<>(1, 12, model.termMonthsProperty().get());
        term.setId("conversationTerm");
        term.setEditable(true);
        term.valueProperty().addListener((o, a, b) -> model.termMonthsProperty().set(b));
        ComboBox<Initiative> initiative = enumBox("conversationInitiative", Initiative.values(), "initiative");
        initiative.valueProperty().bindBidirectional(model.initiativeProperty());
        Label nextDue = new Label();
        nextDue.setId("conversationNextDue");
        nextDue.textProperty().bind(model.nextDueProperty());
        GridPane next = grid();
        next.addRow(0, label("conversation.term", term), term, label("conversation.initiative", initiative), initiative, nextDue);

        // The resident's ratings, asked at the end
        ComboBox<Integer> ratingConversation = ratingBox("ratingConversation");
        ratingConversation.valueProperty().bindBidirectional(model.conversationRatingProperty());
        ComboBox<Integer> ratingContact = ratingBox("ratingContact");
        ratingContact.valueProperty().bindBidirectional(model.contactValueRatingProperty());
        GridPane ratings = grid();
        ratings.addRow(0, label("conversation.ratingConversation", ratingConversation), ratingConversation);
        ratings.addRow(1, label("conversation.ratingContact", ratingContact), ratingContact);

        VBox form = new VBox(8,
                section("conversation.sectionConversation"), basics,
                section("conversation.sectionDomains"), domains,
                section("conversation.activities"), activities,
                section("conversation.wishes"), wishes,
                section("conversation.ownGoals"), goals,
                section("conversation.sectionOutcome"), outcome,
                new Label(messages.text("conversation.provisions")), provisions,
                new Label(messages.text("conversation.signals")), signals,
                section("conversation.sectionAgreements"), agreementList, agreementInput, new HBox(6, agreementLink, removeAgreement),
                section("conversation.sectionReferrals"), referralList, referralInput, removeReferral,
                section("conversation.sectionNext"), next,
                section("conversation.sectionRatings"), new Label(messages.text("conversation.ratingsAsk")), ratings);
        form.setPadding(new Insets(0, 12, 12, 0));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setId("conversationScroll");
        scroll.setFitToWidth(true);
        ScrollToFocused.install(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button finalise = new Button(messages.text("conversation.finalise"));
        finalise.setId("conversationFinalise");
        finalise.setOnAction(e -> confirmFinalise());
        Button close = new Button(messages.text("conversation.close"));
        close.setId("conversationClose");
        close.setCancelButton(true);
        close.setOnAction(e -> model.close());
        Button discard = new Button(messages.text("conversation.discard"));
        discard.setId("conversationDiscard");
        discard.setOnAction(e -> confirmDiscard());
        HBox buttons = new HBox(8, finalise, close, discard, saved);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(title, problem, scroll, buttons);
        Shortcuts.bind(this, new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), finalise::fire);
    }

    /** Starts an agreement at a sociale-kaart entry (from the Sociale kaart): the row filled in, the coach completes it. */
    public void startAgreementAt(SocialMapEntry entry) {
        agreementAt.accept(entry);
        focusAgreement.run();
    }

    /** Starts a referral to a sociale-kaart entry's partner: the row filled in, focus on "Toevoegen". */
    public void startReferralTo(SocialMapEntry entry) {
        referralTo.accept(entry);
        focusReferral.run();
    }

    public void focusFirstField() {
        date.requestFocus();
    }

    /**
     * Finalising cannot be undone, so it asks once, with what will be recorded. The safe "Terug naar
     * het gesprek" is the default (Enter, Esc); finalising takes Alt+D, or Tab to it and Space.
     */
    private void confirmFinalise() {
        if (!model.readyToFinalise()) {
            return;
        }
        ButtonType back = new ButtonType(messages.text("conversation.confirmBack"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType finalise = new ButtonType(messages.text("conversation.confirmFinalise"), ButtonBar.ButtonData.OTHER);
        VBox summary = new VBox(4);
        summary.setId("finaliseSummary");
        for (String line : model.finaliseSummary()) {
            Label label = new Label(line);
            label.setWrapText(true);
            summary.getChildren().add(label);
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(messages.text("conversation.confirmTitle"));
        dialog.getDialogPane().setId("finaliseDialog");
        dialog.getDialogPane().setHeaderText(messages.text("conversation.confirmHeader"));
        dialog.getDialogPane().setContent(summary);
        dialog.getDialogPane().getButtonTypes().addAll(finalise, back);
        Button backButton = (Button) dialog.getDialogPane().lookupButton(back);
        backButton.setDefaultButton(true);
        Button finaliseButton = (Button) dialog.getDialogPane().lookupButton(finalise);
        finaliseButton.setId("finaliseConfirm");
        finaliseButton.setDefaultButton(false);
        dialog.setOnShown(e -> backButton.requestFocus());
        dialog.showAndWait().filter(b -> b == finalise).ifPresent(b -> model.finalise());
    }

    private void confirmDiscard() {
        if (Confirmation.ask(getScene().getWindow(), "discardDialog", messages.text("conversation.discardConfirm"),
                messages.text("conversation.discardYes"), messages.text("conversation.discardKeep"))) {
            model.discard();
        }
    }

    private Label section(String key) {
        Label label = new Label(messages.text(key));
        label.getStyleClass().add("section-title");
        return label;
    }

    private Label label(String key, Node field) {
        Label label = new Label(messages.text(key));
        label.setLabelFor(field);
        return label;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        return grid;
    }

    private TextArea area(String id, StringProperty text) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(2);
        area.textProperty().bindBidirectional(text);
        // Tab moves to the next field, as everywhere else (a TextArea would type a tab): the
        // area's own Ctrl+Tab traversal does it.
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                area.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), e.getEventType(), e.getCharacter(),
                        e.getText(), e.getCode(), e.isShiftDown(), true, e.isAltDown(), e.isMetaDown()));
            }
        });
        return area;
    }

    private FlowPane checks(String idPrefix, List<ReferenceItem> items, java.util.Map<String, BooleanProperty> values) {
        FlowPane pane = new FlowPane(12, 6);
        for (ReferenceItem item : items) {
            CheckBox box = new CheckBox(model.label(items, item.code()));
            box.setId(idPrefix + item.code());
            box.selectedProperty().bindBidirectional(values.get(item.code()));
            pane.getChildren().add(box);
        }
        return pane;
    }

    private <E extends Enum<E>> ComboBox<E> enumBox(String id, E[] values, String labelPrefix) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E value) {
                return EnumLabels.of(messages, labelPrefix, value);
            }

            @Override
            public E fromString(String text) {
                return null;
            }
        });
        return box;
    }

    private ComboBox<ReferenceItem> referenceBox(String id, List<ReferenceItem> items) {
        ComboBox<ReferenceItem> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReferenceItem item) {
                return item == null ? messages.text("field.choose") : model.label(items, item.code());
            }

            @Override
            public ReferenceItem fromString(String text) {
                return null;
            }
        });
        return box;
    }

    private ComboBox<Integer> ratingBox(String id) {
        ComboBox<Integer> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(null);
        box.getItems().addAll(IntStream.rangeClosed(1, 10).boxed().toList());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? messages.text("conversation.noRating") : messages.number(value);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        return box;
    }
}
