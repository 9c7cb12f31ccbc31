package nl.groningen.keukentafel.app.ui;

import static nl.groningen.keukentafel.app.ui.Keyboard.focus;
import static nl.groningen.keukentafel.app.ui.Keyboard.keys;
import static nl.groningen.keukentafel.app.ui.Keyboard.openDossier;
import static nl.groningen.keukentafel.app.ui.Keyboard.press;
import static nl.groningen.keukentafel.app.ui.Keyboard.replace;
import static nl.groningen.keukentafel.app.ui.Keyboard.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.session.AppOptions;
import nl.groningen.keukentafel.app.ui.dossier.TimelineLine;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a coach expects to change in a dossier: the resident's address and phone, an agreement's
 * due date, the plan's goals and steps, a planned visit; each saved so that a restart still shows
 * it. Questions before something is removed default to the safe answer, and an unlock comes back
 * to the screen the coach was on.
 */
@ExtendWith(ApplicationExtension.class)
class DossierChangesTest {

    @RegisterExtension
    final AppUnderTest app = new AppUnderTest();

    private final TestClock clock = AppUnderTest.morningClock();
    private AppOptions options;
    private Dataset demo;

    @Start
    void start(Stage stage) {
        options = AppUnderTest.options(app.dataFolder(), true, Duration.ofMinutes(5));
        app.show(stage, options, clock);
        demo = DemoProfile.dataset(clock);
    }

    @Test
    void aNewAddressAndPhoneAreSavedAndAWrongPostcodeIsRefusedWithItsReason(FxRobot robot) {
        app.logIn(robot);
        Resident target = demo.residents().get(3);
        openDossier(robot, target);

        press(robot, "#dossierChangeContact");
        FxWait.until(() -> robot.lookup("#contactDialog").tryQuery().isPresent());
        replace(robot, "#contactPostcode", "97 AB");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> message(robot).startsWith("De postcode is vier cijfers en twee letters"));
        assertThat(details(robot)).anyMatch(l -> l.contains(target.postcode()));

        press(robot, "#dossierChangeContact");
        FxWait.until(() -> robot.lookup("#contactDialog").tryQuery().isPresent());
        replace(robot, "#contactStreet", "Nieuwe Ebbingestraat");
        replace(robot, "#contactHouseNumber", "12a");
        replace(robot, "#contactPostcode", "9712nl");
        replace(robot, "#contactPhone", "050 555 0199");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> message(robot).startsWith("Adres en telefoon opgeslagen"));
        assertThat(details(robot)).anyMatch(l -> l.contains("Nieuwe Ebbingestraat 12a") && l.contains("9712 NL"))
                .anyMatch(l -> l.contains("050 555 0199"));

        restartAndOpen(robot, target);
        assertThat(details(robot)).anyMatch(l -> l.contains("Nieuwe Ebbingestraat 12a")).anyMatch(l -> l.contains("050 555 0199"));
    }

    @Test
    void anAgreementIsPostponedToANewDate(FxRobot robot) {
        Agreement open = demo.agreements().stream().filter(a -> a.status() == AgreementStatus.OPEN).findFirst().orElseThrow();
        Resident target = demo.residents().stream().filter(r -> r.id().equals(open.residentId())).findFirst().orElseThrow();
        app.logIn(robot);
        openDossier(robot, target);
        ListView<Agreement> agreements = robot.lookup("#dossierAgreements").queryListView();
        robot.interact(() -> agreements.getSelectionModel().select(agreements.getItems().stream()
                .filter(a -> a.id().equals(open.id())).findFirst().orElseThrow()));

        press(robot, "#dossierPostpone");
        FxWait.until(() -> robot.lookup("#postponeDialog").tryQuery().isPresent());
        DatePicker date = robot.lookup("#postponeDate").query();
        robot.interact(() -> date.getEditor().clear());
        focus(robot, "#postponeDate");
        keys(robot, "15-01-2027");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> message(robot).startsWith("Uitgesteld tot 15-01-2027"));
        ListView<Agreement> after = robot.lookup("#dossierAgreements").queryListView();
        assertThat(after.getItems()).filteredOn(a -> a.id().equals(open.id()))
                .extracting(Agreement::dueDate).containsExactly(LocalDate.of(2027, 1, 15));
    }

    @Test
    void aGoalGetsAStepIsRenamedAndIsRemovedOnlyWhenTheCoachChoosesTo(FxRobot robot) {
        app.logIn(robot);
        Resident target = demo.residents().get(5);
        openDossier(robot, target);
        press(robot, "#dossierAddGoal");
        FxWait.until(() -> robot.lookup("#goalDialog").tryQuery().isPresent());
        ComboBox<?> domain = robot.lookup("#goalDomain").queryComboBox();
        robot.interact(() -> domain.getSelectionModel().select(2));
        type(robot, "#goalText", "Elke week naar de markt");
        robot.type(KeyCode.ENTER);
        ListView<String> plan = robot.lookup("#dossierPlan").queryListView();
        FxWait.until(() -> plan.getItems().stream().anyMatch(l -> l.endsWith("Elke week naar de markt")));
        selectLine(robot, plan, "Elke week naar de markt");

        press(robot, "#dossierAddStep");
        FxWait.until(() -> robot.lookup("#stepDialog").tryQuery().isPresent());
        type(robot, "#stepText", "Boodschappenlijst maken");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> plan.getItems().stream().anyMatch(l -> l.endsWith("Boodschappenlijst maken")));

        selectLine(robot, plan, "Elke week naar de markt");
        press(robot, "#dossierChangeGoal");
        FxWait.until(() -> robot.lookup("#goalDialog").tryQuery().isPresent());
        replace(robot, "#goalText", "Twee keer per week naar de markt");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> plan.getItems().stream().anyMatch(l -> l.endsWith("Twee keer per week naar de markt")));
        assertThat(plan.getItems()).noneMatch(l -> l.endsWith("Elke week naar de markt"))
                .anyMatch(l -> l.endsWith("Boodschappenlijst maken"));

        selectLine(robot, plan, "Boodschappenlijst maken"); // a step's line: the goal it belongs to
        press(robot, "#dossierRemoveGoal");
        FxWait.until(() -> robot.lookup("#removeGoalDialog").tryQuery().isPresent());
        robot.targetWindow(robot.lookup("#removeGoalDialog").query().getScene().getWindow());
        robot.type(KeyCode.ENTER); // the safe answer: keep it
        FxWait.until(() -> robot.lookup("#removeGoalDialog").tryQuery().isEmpty());
        assertThat(plan.getItems()).anyMatch(l -> l.endsWith("Twee keer per week naar de markt"));

        selectLine(robot, plan, "Twee keer per week naar de markt");
        press(robot, "#dossierRemoveGoal");
        FxWait.until(() -> robot.lookup("#removeGoalDialog").tryQuery().isPresent());
        robot.targetWindow(robot.lookup("#removeGoalDialog").query().getScene().getWindow());
        robot.press(KeyCode.ALT, KeyCode.V).release(KeyCode.V, KeyCode.ALT);
        FxWait.until(() -> message(robot).equals("Doel verwijderd uit het ontwikkelplan."));
        assertThat(plan.getItems()).noneMatch(l -> l.contains("naar de markt")).noneMatch(l -> l.endsWith("Boodschappenlijst maken"));

        restartAndOpen(robot, target);
        assertThat(robot.lookup("#dossierPlan").queryListView().getItems()).noneMatch(l -> l.toString().contains("naar de markt"));
    }

    @Test
    void aPlannedVisitIsMovedAndThenCancelledAndLeavesVandaag(FxRobot robot) {
        app.logIn(robot);
        Resident target = demo.residents().get(9);
        openDossier(robot, target);
        press(robot, "#dossierPlanVisit");
        FxWait.until(() -> robot.lookup("#visitDialog").tryQuery().isPresent());
        focus(robot, "#visitDate");
        keys(robot, "24-11-2026");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> message(robot).startsWith("Bezoek gepland op 24-11-2026"));

        ListView<TimelineLine> timeline = robot.lookup("#dossierTimeline").queryListView();
        selectVisit(robot, timeline, "24-11-2026");
        press(robot, "#dossierMoveVisit");
        FxWait.until(() -> robot.lookup("#visitDialog").tryQuery().isPresent());
        DatePicker date = robot.lookup("#visitDate").query();
        assertThat(date.getValue()).isEqualTo(LocalDate.of(2026, 11, 24));
        robot.interact(() -> date.getEditor().clear());
        focus(robot, "#visitDate");
        keys(robot, "22-11-2026");
        replace(robot, "#visitTime", "14:15");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> message(robot).equals("Bezoek verzet naar 22-11-2026 om 14:15."));
        robot.clickOn("#navToday");
        ListView<ResidentLine> visits = robot.lookup("#todayAppointments").queryListView();
        FxWait.until(() -> visits.getItems().stream().anyMatch(l -> l.text().startsWith("14:15  " + target.fullName())));

        openDossier(robot, target);
        ListView<TimelineLine> again = robot.lookup("#dossierTimeline").queryListView();
        selectVisit(robot, again, "22-11-2026");
        press(robot, "#dossierCancelVisit");
        FxWait.until(() -> robot.lookup("#cancelVisitDialog").tryQuery().isPresent());
        robot.targetWindow(robot.lookup("#cancelVisitDialog").query().getScene().getWindow());
        robot.press(KeyCode.ALT, KeyCode.A).release(KeyCode.A, KeyCode.ALT);
        FxWait.until(() -> message(robot).equals("Bezoek van 22-11-2026 afgezegd."));
        assertThat(again.getItems()).noneMatch(l -> l.date().equals("22-11-2026") && l.kind().equals("Gepland bezoek"));

        restartAndOpen(robot, target);
        robot.clickOn("#navToday");
        ListView<ResidentLine> today = robot.lookup("#todayAppointments").queryListView();
        assertThat(today.getItems()).noneMatch(l -> l.text().contains(target.fullName()));
    }

    @Test
    void readingAConversationShowsTheAgreementsAndReferralsMadeInIt(FxRobot robot) {
        Conversation withAgreements = demo.conversations().stream().filter(c -> c.status() == ConversationStatus.FINALISED)
                .filter(c -> demo.agreements().stream().anyMatch(a -> c.id().equals(a.conversationId())))
                .findFirst().orElseThrow();
        Resident target = demo.residents().stream().filter(r -> r.id().equals(withAgreements.residentId())).findFirst().orElseThrow();
        List<String> made = demo.agreements().stream().filter(a -> withAgreements.id().equals(a.conversationId()))
                .map(Agreement::description).toList();
        app.logIn(robot);
        openDossier(robot, target);
        ListView<TimelineLine> timeline = robot.lookup("#dossierTimeline").queryListView();
        robot.interact(() -> timeline.getSelectionModel().select(timeline.getItems().stream()
                .filter(l -> l.recordId().equals(withAgreements.id())).findFirst().orElseThrow()));
        press(robot, "#dossierReadConversation");
        FxWait.until(() -> robot.lookup("#conversationRecord").tryQuery().isPresent());
        String text = robot.lookup("#conversationRecord").queryAs(TextArea.class).getText();
        assertThat(text).contains("Afspraken in dit gesprek").contains("Verwijzingen in dit gesprek");
        made.forEach(d -> assertThat(text).contains(d));
        robot.targetWindow(robot.lookup("#conversationRecord").query().getScene().getWindow());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theUnlockComesBackToTheDossierTheCoachWasIn(FxRobot robot) {
        app.logIn(robot);
        Resident target = demo.residents().get(11);
        openDossier(robot, target);
        robot.clickOn("#lockButton");
        FxWait.until(() -> robot.lookup("#loginView").tryQuery().isPresent());
        robot.clickOn("#loginPassword").write(DemoProfile.PASSWORD).type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#dossierView").tryQuery().isPresent());
        assertThat(robot.lookup("#dossierTitle").queryAs(Label.class).getText()).isEqualTo(target.fullName());
    }

    @Test
    void enterInTheDiscardQuestionKeepsTheDraft(FxRobot robot) {
        app.logIn(robot);
        Resident target = demo.residents().get(13);
        openDossier(robot, target);
        robot.clickOn("#dossierConversation");
        FxWait.until(() -> robot.lookup("#conversationView").tryQuery().isPresent());
        type(robot, "#conversationWishes", "Graag meer buiten zijn");
        press(robot, "#conversationDiscard");
        FxWait.until(() -> robot.lookup("#discardDialog").tryQuery().isPresent());
        robot.targetWindow(robot.lookup("#discardDialog").query().getScene().getWindow());
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#discardDialog").tryQuery().isEmpty());
        assertThat(robot.lookup("#conversationView").tryQuery()).isPresent();
        assertThat(robot.lookup("#conversationWishes").queryTextInputControl().getText()).isEqualTo("Graag meer buiten zijn");
    }

    private void restartAndOpen(FxRobot robot, Resident target) {
        robot.interact(() -> app.restart(options));
        app.logIn(robot);
        openDossier(robot, target);
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#dossierMessage").queryAs(Label.class).getText();
    }

    private static List<String> details(FxRobot robot) {
        return robot.lookup("#dossierDetails").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
    }

    private static void selectLine(FxRobot robot, ListView<String> list, String ending) {
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream().filter(l -> l.endsWith(ending))
                .findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void selectVisit(FxRobot robot, ListView<TimelineLine> timeline, String date) {
        robot.interact(() -> timeline.getSelectionModel().select(timeline.getItems().stream()
                .filter(l -> l.kind().equals("Gepland bezoek") && l.date().equals(date)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
