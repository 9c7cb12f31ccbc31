package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.profile.Profiles;
import nl.groningen.keukentafel.app.session.AppOptions;
import nl.groningen.keukentafel.demo.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A preconfigured laptop's first start, as the coach sees it: no coach has used the laptop yet, so
 * the app opens at the enrolment with the server and the code IT set up filled in. A wrong code is
 * told and leaves nothing behind; the right one enrols, opens the coach's session and the first
 * sync brings the caseload. The next start opens at the login.
 */
@ExtendWith(ApplicationExtension.class)
class EnrolScreenTest {

    @RegisterExtension
    final AppUnderTest app = new AppUnderTest();
    private final Path dataFolder = app.dataFolder();
    private DemoSyncServer server;

    private final TestClock clock = AppUnderTest.morningClock();
    private String code;
    private long caseload;

    @Start
    void start(Stage stage) throws Exception {
        server = app.startServer(clock);
        Dataset demo = server.demo();
        code = server.code();
        caseload = demo.residents().stream().filter(r -> r.coachId().equals(demo.coaches().get(0).id())).count();

        app.show(stage, options(), clock);
    }

    private AppOptions options() {
        // As Main resolves it from IT's machine config: the server and the code are known.
        return AppUnderTest.options(dataFolder, false, server);
    }

    @Test
    void theFirstStartEnrolsAndTheFirstSyncBringsTheCaseload(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#enrolView").tryQuery()).isPresent();
        assertThat(robot.lookup("#enrolServer").queryAs(TextField.class).getText()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(robot.lookup("#enrolCode").queryAs(TextField.class).getText()).isEqualTo(code);
        assertThat(robot.lookup("#enrolBack").tryQuery()).isEmpty();
        assertThat(robot.lookup("#enrolUser").query().isFocused()).isTrue();

        // A mistyped code: told so, and no half-made coach left on the laptop.
        robot.interact(() -> robot.lookup("#enrolCode").queryAs(TextField.class).setText("ABCD-EFGH-JKLM"));
        robot.write(DemoProfile.USER).type(KeyCode.TAB).write(DemoProfile.PASSWORD).type(KeyCode.ENTER);
        FxWait.until(() -> !FxWait.text(robot, "#enrolProblem").isEmpty());
        assertThat(FxWait.text(robot, "#enrolProblem")).isEqualTo(
                "De inschrijfcode is onbekend, al gebruikt of verlopen. Vraag kantoor om een nieuwe.");
        assertThat(new Profiles(dataFolder).none()).isTrue();

        robot.interact(() -> robot.lookup("#enrolCode").queryAs(TextField.class).setText(code));
        robot.clickOn("#enrolPassword").write(DemoProfile.PASSWORD).type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#todayView").tryQuery().isPresent());
        FxWait.until(() -> FxWait.text(robot, "#syncState").equals("Online") && FxWait.text(robot, "#syncLast").startsWith("Laatste sync"));

        robot.clickOn("#navCaseload");
        FxWait.until(() -> FxWait.text(robot, "#caseloadCount").equals(caseload + " inwoners"));
        assertThat(Files.readString(dataFolder.resolve("settings.properties"))).contains("server.url=http\\://127.0.0.1\\:" + server.port());

        // The next start: the coach is on this laptop now, so the login comes first, with the way to enrol another.
        robot.interact(() -> app.restart(options()));
        FxWait.until(() -> robot.lookup("#loginView").tryQuery().isPresent());
        assertThat(robot.lookup("#loginUser").queryAs(TextField.class).getText()).isEqualTo(DemoProfile.USER);
        robot.clickOn("#loginEnrol");
        FxWait.until(() -> robot.lookup("#enrolBack").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        FxWait.until(() -> robot.lookup("#loginView").tryQuery().isPresent());
        robot.clickOn("#loginPassword").write(DemoProfile.PASSWORD).type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#todayView").tryQuery().isPresent());
    }

    @Test
    void offlineAtTheFirstStartSaysSoAndKeepsWhatWasTyped(FxRobot robot) {
        robot.interact(server::stop);
        robot.write(DemoProfile.USER).type(KeyCode.TAB).write(DemoProfile.PASSWORD).type(KeyCode.ENTER);
        FxWait.until(() -> !FxWait.text(robot, "#enrolProblem").isEmpty());

        assertThat(FxWait.text(robot, "#enrolProblem")).startsWith("De syncserver is niet bereikbaar.");
        assertThat(robot.lookup("#enrolUser").queryAs(TextField.class).getText()).isEqualTo(DemoProfile.USER);
        assertThat(new Profiles(dataFolder).none()).isTrue();
    }
}
