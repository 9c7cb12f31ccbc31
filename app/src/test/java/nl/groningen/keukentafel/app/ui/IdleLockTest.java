package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The app locks itself after the configured idle time, keeping the user, asking only the password. */
@ExtendWith(ApplicationExtension.class)
class IdleLockTest {

    @RegisterExtension
    final AppUnderTest app = new AppUnderTest();
    private final Path dataFolder = app.dataFolder();

    @Start
    void start(Stage stage) {
        app.show(stage, AppUnderTest.options(dataFolder, true, Duration.ofSeconds(2)), Clock.system(ZoneId.of("Europe/Amsterdam")));
    }

    @Test
    void twoSecondsWithoutInputLockTheApp(FxRobot robot) throws Exception {
        robot.clickOn("#loginPassword").write(DemoProfile.PASSWORD).type(KeyCode.ENTER);
        // Unlocked: the main window is shown (Vandaag may still be reading the records when the lock comes).
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#lockButton").tryQuery().isPresent());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#loginView").tryQuery().isPresent());

        assertThat(robot.lookup("#todayView").tryQuery()).isEmpty();
        assertThat(robot.lookup(".screen-title").queryAs(Label.class).getText()).isEqualTo("Vergrendeld – voer je wachtwoord in");
        TextField user = robot.lookup("#loginUser").queryAs(TextField.class);
        assertThat(user.getText()).isEqualTo(DemoProfile.USER);
        assertThat(user.isDisabled()).isTrue();
    }
}
