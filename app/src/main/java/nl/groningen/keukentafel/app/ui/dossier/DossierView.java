package nl.groningen.keukentafel.app.ui.dossier;

import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.Navigator;
import nl.groningen.keukentafel.app.ui.ScrollToFocused;
import nl.groningen.keukentafel.app.ui.Shortcuts;
import nl.groningen.keukentafel.app.ui.attempt.ContactAttemptPicker;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.ReferralStatus;

/**
 * The resident's dossier: details and outreach status, open agreements and referrals to act on,
 * the development plan, and one timeline of everything recorded. Esc goes back to the caseload,
 * Ctrl+N opens the conversation form, Ctrl+K logs a contact attempt, Ctrl+P prints for the resident.
 */
public final class DossierView extends VBox {

    public DossierView(DossierViewModel model, CoachSession session, Navigator navigator) {
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
        print.setOnAction(e -> print(model, messages));
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, back, title, spacer, conversation, attempt, print);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox details = new VBox(2);
        details.setId("dossierDetails");
        Runnable showDetails = () -> details.getChildren().setAll(model.details().stream().map(Label::new).toList());
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
        agreements.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Agreement a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : model.agreementText(a));
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
        referrals.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Referral x, boolean empty) {
                super.updateItem(x, empty);
                setText(empty || x == null ? null : model.referralText(x));
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
        plan.setPrefHeight(120);

        VBox left = new VBox(8, details, message,
                section(messages.text("dossier.openAgreements")), agreements, agreementDone,
                section(messages.text("dossier.openReferrals")), referrals, new HBox(8, referralRunning, referralDone),
                section(messages.text("dossier.plan")), plan);
        VBox.setVgrow(plan, Priority.SOMETIMES);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        ScrollToFocused.install(leftScroll);
        leftScroll.setPrefWidth(520);
        leftScroll.setMinWidth(440);

        ListView<TimelineLine> timeline = new ListView<>(model.timeline());
        timeline.setId("dossierTimeline");
        timeline.setPlaceholder(new Label(messages.text("dossier.emptyTimeline")));
        VBox.setVgrow(timeline, Priority.ALWAYS);
        VBox right = new VBox(8, section(messages.text("dossier.timeline")), timeline);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox columns = new HBox(12, leftScroll, right);
        VBox.setVgrow(columns, Priority.ALWAYS);

        getChildren().addAll(actions, columns, new Label(messages.text("dossier.keys")));

        Shortcuts.bind(this, new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), model::newConversation);
        Shortcuts.bind(this, new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), () -> pickAttempt(model, messages));
        Shortcuts.bind(this, new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), () -> print(model, messages));
    }

    private void pickAttempt(DossierViewModel model, Messages messages) {
        if (getScene() == null) {
            return;
        }
        ContactAttemptPicker.pick(getScene().getWindow(), messages, model.titleProperty().get())
                .ifPresent(choice -> model.logAttempt(choice.channel(), choice.result()));
    }

    private void print(DossierViewModel model, Messages messages) {
        if (getScene() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.text("dossier.printTitle"));
        chooser.setInitialFileName(model.suggestedPrintName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.printTo(file.toPath());
        }
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }
}
