package nl.groningen.keukentafel.app.ui;

import static nl.groningen.keukentafel.app.ui.Keyboard.openDossier;
import static nl.groningen.keukentafel.app.ui.Keyboard.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.profile.DemoProfile;
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
import org.testfx.util.WaitForAsyncUtils;

/** Finalising a conversation cannot be undone: Ctrl+Enter asks once, with a summary, and says when it is done. */
@ExtendWith(ApplicationExtension.class)
class FinalisingFlowTest {

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
    void ctrlEnterAsksWithASummaryAndEnterGoesBackToTheConversationWithoutFinalising(FxRobot robot) {
        app.logIn(robot);
        Resident target = residentToSpeak();
        openConversation(robot, target);
        type(robot, "#agreementDescription", "CV online zetten");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#conversationAgreements").queryListView().getItems().size() == 1);

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#finaliseDialog").tryQuery().isPresent());

        VBox summary = robot.lookup("#finaliseSummary").queryAs(VBox.class);
        List<String> lines = summary.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertThat(lines).contains("Uitkomst: nog niet gekozen", "Afspraken: 1",
                "Leeg gelaten: Cijfer voor het gesprek, Cijfer voor contact houden zo");
        assertThat(lines).anyMatch(l -> l.startsWith("· CV online zetten, uiterlijk "));
        assertThat(lines).anyMatch(l -> l.startsWith("Volgend contact uiterlijk "));

        // Enter is the safe answer: back to the conversation, nothing finalised.
        robot.targetWindow(robot.lookup("#finaliseDialog").query().getScene().getWindow());
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#finaliseDialog").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#conversationView").tryQuery()).isPresent();
        assertThat(robot.lookup("#dossierView").tryQuery()).isEmpty();
    }

    @Test
    void altDInTheQuestionFinalisesAndTheDossierSaysItIsDone(FxRobot robot) {
        app.logIn(robot);
        Resident target = residentToSpeak();
        openConversation(robot, target);
        type(robot, "#conversationWishes", "Iets met de handen doen");

        CoachFlowsTest.finaliseAndConfirm(robot);
        FxWait.until(() -> robot.lookup("#dossierView").tryQuery().isPresent());

        assertThat(robot.lookup("#dossierMessage").queryAs(Label.class).getText())
                .startsWith("Het gesprek van 22-11-2026 is afgerond en opgeslagen. Volgend contact uiterlijk ");
        ListView<TimelineLine> timeline = robot.lookup("#dossierTimeline").queryListView();
        assertThat(timeline.getItems()).anyMatch(l -> l.kind().equals("Gesprek") && l.date().equals("22-11-2026"));
    }

    private Resident residentToSpeak() {
        return demo.residents().stream().filter(r -> r.outreachStatus() == OutreachStatus.TO_SCHEDULE).findFirst().orElseThrow();
    }

    private void openConversation(FxRobot robot, Resident resident) {
        openDossier(robot, resident);
        robot.clickOn("#dossierConversation");
        FxWait.until(() -> robot.lookup("#conversationView").tryQuery().isPresent());
    }
}
