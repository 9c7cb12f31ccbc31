package nl.groningen.keukentafel.app.ui;

import static nl.groningen.keukentafel.app.ui.Keyboard.focus;
import static nl.groningen.keukentafel.app.ui.Keyboard.keys;
import static nl.groningen.keukentafel.app.ui.Keyboard.openDossier;
import static nl.groningen.keukentafel.app.ui.Keyboard.press;
import static nl.groningen.keukentafel.app.ui.Keyboard.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.domain.CaseloadOrder;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.ui.caseload.CaseloadRow;
import nl.groningen.keukentafel.app.ui.dossier.TimelineLine;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The coach's flows on the real app (composition root, encrypted store, demo data), driven headless. */
@ExtendWith(ApplicationExtension.class)
class CoachFlowsTest {

    @RegisterExtension
    final AppUnderTest app = new AppUnderTest();
    private final Path dataFolder = app.dataFolder();

    private final TestClock clock = AppUnderTest.morningClock();
    private Dataset demo;

    @Start
    void start(Stage stage) {
        app.show(stage, AppUnderTest.options(dataFolder, true, Duration.ofMinutes(5)), clock);
        demo = DemoProfile.dataset(clock);
    }

    @Test
    void afterLoginTheCaseloadShowsTheDemoResidents(FxRobot robot) {
        app.logIn(robot);
        robot.clickOn("#navCaseload");
        TableView<CaseloadRow> table = table(robot);
        FxWait.until(() -> table.getItems().size() == demo.residents().size());

        Resident first = demo.residents().stream().sorted(CaseloadOrder.bySurname()).findFirst().orElseThrow();
        assertThat(table.getItems().get(0).name()).isEqualTo(CaseloadOrder.listName(first));
        assertThat(table.getItems()).extracting(CaseloadRow::clientNumber)
                .containsExactlyInAnyOrderElementsOf(demo.residents().stream().map(Resident::clientNumber).toList());
        assertThat(robot.lookup("#caseloadCount").queryAs(Label.class).getText()).isEqualTo("150 inwoners");
        assertThat(robot.lookup("#coachName").queryAs(Label.class).getText()).isEqualTo("Coach: " + demo.coaches().get(0).name());
    }

    @Test
    void aWrongPasswordSaysSoAndOpensNothing(FxRobot robot) {
        robot.clickOn("#loginPassword").write("verkeerd").type(KeyCode.ENTER);
        FxWait.until(() -> !robot.lookup("#loginProblem").queryAs(Label.class).getText().isEmpty());

        assertThat(robot.lookup("#loginProblem").queryAs(Label.class).getText()).startsWith("Dit wachtwoord klopt niet");
        assertThat(robot.lookup("#caseloadTable").tryQuery()).isEmpty();
    }

    @Test
    void typingPartOfANameFindsTheResident(FxRobot robot) {
        app.logIn(robot);
        Resident target = demo.residents().get(42);
        robot.clickOn("#navCaseload");
        TableView<CaseloadRow> table = table(robot);
        FxWait.until(() -> table.getItems().size() == 150);

        String part = target.surname().substring(1, 6).toLowerCase(Locale.ROOT) + " " + target.givenName().substring(0, 3);
        robot.clickOn("#caseloadSearch").write(part);

        FxWait.until(() -> table.getItems().size() < 150);
        assertThat(table.getItems()).extracting(CaseloadRow::clientNumber).contains(target.clientNumber());
        assertThat(table.getItems()).allMatch(row -> row.name().toLowerCase(Locale.ROOT).contains(part.split(" ")[0]));
        assertThat(robot.lookup("#caseloadCount").queryAs(Label.class).getText()).endsWith("van 150 inwoners");

        robot.type(KeyCode.DOWN);
        selectRow(robot, table, target.clientNumber());
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#dossierTitle").tryQuery().isPresent());
        assertThat(robot.lookup("#dossierTitle").queryAs(Label.class).getText()).isEqualTo(target.fullName());
    }

    @Test
    void aContactAttemptTakesThreeKeystrokes(FxRobot robot) {
        app.logIn(robot);
        Resident target = demo.residents().stream().filter(r -> r.outreachStatus() == OutreachStatus.TO_SCHEDULE)
                .findFirst().orElseThrow();
        robot.clickOn("#navCaseload");
        TableView<CaseloadRow> table = table(robot);
        robot.clickOn("#caseloadSearch").write(target.clientNumber());
        FxWait.until(() -> table.getItems().size() == 1);
        robot.type(KeyCode.DOWN);

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL); // 1
        robot.type(KeyCode.DIGIT3);                                                   // 2: phone
        robot.type(KeyCode.DIGIT4);                                                   // 3: declined

        FxWait.until(() -> "Afgezien".equals(table.getItems().get(0).outreachStatus()));
        robot.type(KeyCode.ENTER);
        ListView<TimelineLine> timeline = robot.lookup("#dossierTimeline").queryListView();
        assertThat(timeline.getItems().get(0).kind()).isEqualTo("Contactpoging");
        assertThat(timeline.getItems().get(0).summary()).isEqualTo("Telefoon · Afgezien");
    }

    @Test
    void aFullConversationWithTwoAgreementsAndAReferralShowsInTheDossierAndOnVandaag(FxRobot robot) {
        app.logIn(robot);
        Resident target = demo.residents().stream().filter(r -> r.outreachStatus() == OutreachStatus.TO_SCHEDULE)
                .findFirst().orElseThrow();
        openDossier(robot, target);
        robot.clickOn("#dossierConversation");
        FxWait.until(() -> robot.lookup("#conversationView").tryQuery().isPresent());

        // Keyboard all the way: focus lands on each field as Tab would bring it there; the form scrolls along.
        check(robot, "#domain-paid_work");
        type(robot, "#domainNote-paid_work", "Wil parttime werken");
        check(robot, "#domain-social_contacts");
        type(robot, "#domainNote-social_contacts", "Weinig contact in de wijk");
        type(robot, "#conversationActivities", "Past op de kleinkinderen");
        type(robot, "#conversationWishes", "Iets met de handen doen");
        type(robot, "#conversationGoals", "Over drie maanden een vaste dagbesteding");
        select(robot, "#conversationOutcome", 5);
        check(robot, "#provision-stadjerspas");

        type(robot, "#agreementDescription", "Vrijwilligerswerk opzoeken in Selwerd");
        robot.type(KeyCode.ENTER);
        type(robot, "#agreementDescription", "CV online zetten");
        select(robot, "#agreementOwner", 0);
        press(robot, "#agreementAdd");
        ListView<?> agreements = robot.lookup("#conversationAgreements").queryListView();
        FxWait.until(() -> agreements.getItems().size() == 2);

        select(robot, "#referralPartner", 0);
        check(robot, "#referralWarm");
        press(robot, "#referralAdd");
        ListView<?> referrals = robot.lookup("#conversationReferrals").queryListView();
        FxWait.until(() -> referrals.getItems().size() == 1);

        select(robot, "#ratingConversation", 8);
        select(robot, "#ratingContact", 7);
        FxWait.until(() -> !robot.lookup("#conversationSaved").queryAs(Label.class).getText().isEmpty());

        finaliseAndConfirm(robot);
        FxWait.until(() -> robot.lookup("#dossierTimeline").tryQuery().isPresent());

        ListView<TimelineLine> timeline = robot.lookup("#dossierTimeline").queryListView();
        List<String> today = timeline.getItems().stream().filter(l -> l.date().equals("22-11-2026")).map(TimelineLine::kind).toList();
        assertThat(today).contains("Gesprek", "Verwijzing");
        assertThat(timeline.getItems()).extracting(TimelineLine::summary)
                .anyMatch(s -> s.startsWith("Vrijwilligerswerk opzoeken in Selwerd"))
                .anyMatch(s -> s.startsWith("CV online zetten"))
                .anyMatch(s -> s.contains("Centrum naar Werk") && s.contains("warme overdracht"));

        // Two weeks and a day later the coach's own agreement is overdue and shows on Vandaag.
        clock.advance(Duration.ofDays(15));
        robot.clickOn("#navToday");
        ListView<ResidentLine> overdue = robot.lookup("#todayOverdueAgreements").queryListView();
        assertThat(overdue.getItems()).extracting(ResidentLine::text)
                .anyMatch(t -> t.startsWith("Vrijwilligerswerk opzoeken in Selwerd – " + target.fullName()));
        assertThat(overdue.getItems()).extracting(ResidentLine::text).noneMatch(t -> t.startsWith("CV online zetten"));
    }

    @Test
    void aVisitPlannedForTodayShowsOnVandaagAndAGoalJoinsThePlan(FxRobot robot) {
        app.logIn(robot);
        Resident target = demo.residents().stream().filter(r -> r.outreachStatus() == OutreachStatus.DECLINED)
                .findFirst().orElseThrow();
        openDossier(robot, target);

        robot.clickOn("#dossierPlanVisit");
        FxWait.until(() -> robot.lookup("#visitDialog").tryQuery().isPresent());
        focus(robot, "#visitDate");
        keys(robot, "22-11-2026");
        robot.type(KeyCode.TAB);
        robot.interact(() -> robot.lookup("#visitTime").queryTextInputControl().clear());
        type(robot, "#visitTime", "16:45");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#dossierMessage").queryAs(Label.class).getText().startsWith("Bezoek gepland op 22-11-2026"));

        press(robot, "#dossierAddGoal");
        FxWait.until(() -> robot.lookup("#goalDialog").tryQuery().isPresent());
        select(robot, "#goalDomain", 8);
        type(robot, "#goalText", "Binnen een jaar betaald werk, parttime");
        type(robot, "#goalStep", "CV laten nakijken");
        robot.type(KeyCode.ENTER);
        ListView<String> plan = robot.lookup("#dossierPlan").queryListView();
        FxWait.until(() -> plan.getItems().stream().anyMatch(l -> l.equals("Betaald werk: Binnen een jaar betaald werk, parttime")));
        assertThat(plan.getItems()).anyMatch(l -> l.endsWith("CV laten nakijken"));

        robot.clickOn("#navToday");
        ListView<ResidentLine> visits = robot.lookup("#todayAppointments").queryListView();
        assertThat(visits.getItems()).extracting(ResidentLine::text)
                .anyMatch(t -> t.startsWith("16:45  " + target.fullName()));
    }

    @Test
    void anAgreementPointsToAnEntryOfTheSocialeKaart(FxRobot robot) {
        app.logIn(robot);
        Resident target = demo.residents().get(7);
        openDossier(robot, target);
        robot.clickOn("#dossierConversation");
        FxWait.until(() -> robot.lookup("#conversationView").tryQuery().isPresent());

        focus(robot, "#agreementSocialMap");
        robot.type(KeyCode.SPACE);
        FxWait.until(() -> robot.lookup("#socialMapDialog").tryQuery().isPresent());
        // In Dutch, all of it: JavaFX's own dialog buttons would say "Cancel" (DialogButtons).
        assertThat(robot.lookup("#socialMapDialog").queryAs(DialogPane.class).getButtonTypes())
                .extracting(ButtonType::getText).contains("Annuleren").doesNotContain("Cancel");
        type(robot, "#socialMapSearch", "repair");
        ListView<?> found = robot.lookup("#socialMapList").queryListView();
        FxWait.until(() -> found.getItems().size() > 0 && found.getItems().size() < 10);
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#socialMapDialog").tryQuery().isEmpty());

        String linked = robot.lookup("#agreementLink").queryAs(Label.class).getText();
        assertThat(linked).startsWith("Repair Café");
        assertThat(robot.lookup("#agreementDescription").queryTextInputControl().getText()).isEqualTo("Langsgaan bij " + linked);
        press(robot, "#agreementAdd");
        ListView<?> agreements = robot.lookup("#conversationAgreements").queryListView();
        FxWait.until(() -> agreements.getItems().size() == 1);
        assertThat(agreements.getItems().get(0).toString()).contains(linked);
    }

    @Test
    void aFinalisedConversationIsReadOnlyAndIsCorrectedByANewRecord(FxRobot robot) {
        app.logIn(robot);
        Resident target = demo.residents().stream().filter(r -> r.outreachStatus() == OutreachStatus.SPOKEN)
                .filter(r -> demo.conversations().stream().anyMatch(c -> c.residentId().equals(r.id())))
                .findFirst().orElseThrow();
        openDossier(robot, target);
        ListView<TimelineLine> timeline = robot.lookup("#dossierTimeline").queryListView();
        int conversationsBefore = (int) timeline.getItems().stream().filter(l -> l.kind().equals("Gesprek")).count();
        robot.interact(() -> {
            for (int i = 0; i < timeline.getItems().size(); i++) {
                if (timeline.getItems().get(i).kind().equals("Gesprek")) {
                    timeline.getSelectionModel().select(i);
                    break;
                }
            }
        });

        press(robot, "#dossierCorrectConversation");
        FxWait.until(() -> robot.lookup("#conversationView").tryQuery().isPresent());
        assertThat(robot.lookup(".screen-title").queryAs(Label.class).getText()).isEqualTo("Correctie op gesprek met " + target.fullName());
        type(robot, "#conversationWishes", " (aangevuld)");
        finaliseAndConfirm(robot);
        FxWait.until(() -> robot.lookup("#dossierTimeline").tryQuery().isPresent());

        ListView<TimelineLine> after = robot.lookup("#dossierTimeline").queryListView();
        assertThat(after.getItems().stream().filter(l -> l.kind().equals("Gesprek")).count()).isEqualTo(conversationsBefore + 1);
        assertThat(after.getItems()).extracting(TimelineLine::summary).anyMatch(t -> t.startsWith("Correctie · "));
    }

    @Test
    void theAppLocksAfterIdleTimeAndUnlocksWithThePassword(FxRobot robot) {
        app.logIn(robot);
        robot.clickOn("#lockButton");
        FxWait.until(() -> robot.lookup("#loginView").tryQuery().isPresent());
        assertThat(robot.lookup("#caseloadTable").tryQuery()).isEmpty();

        app.logIn(robot);
        assertThat(robot.lookup("#todayView").tryQuery()).isPresent();
    }

    /** Ctrl+Enter, then Alt+D in the confirmation ("Definitief afronden"). */
    static void finaliseAndConfirm(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#finaliseDialog").tryQuery().isPresent());
        robot.targetWindow(robot.lookup("#finaliseDialog").query().getScene().getWindow());
        robot.press(KeyCode.ALT, KeyCode.D).release(KeyCode.D, KeyCode.ALT);
    }

    private static void check(FxRobot robot, String query) {
        focus(robot, query);
        robot.type(KeyCode.SPACE);
    }

    private static TableView<CaseloadRow> table(FxRobot robot) {
        FxWait.until(() -> robot.lookup("#caseloadTable").tryQuery().isPresent());
        return robot.lookup("#caseloadTable").queryTableView();
    }

    private static void selectRow(FxRobot robot, TableView<CaseloadRow> table, String clientNumber) {
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).clientNumber().equals(clientNumber)) {
                    table.getSelectionModel().clearAndSelect(i);
                }
            }
        });
    }

    /** Picks an item of a combo box by index, the way a keyboard user would land on it. */
    private static void select(FxRobot robot, String query, int index) {
        ComboBox<?> box = robot.lookup(query).queryComboBox();
        robot.interact(() -> box.getSelectionModel().select(index + (box.getItems().get(0) == null ? 1 : 0)));
    }
}
