package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.AppOptions;
import nl.groningen.keukentafel.app.DemoProfile;
import nl.groningen.keukentafel.app.Keukentafel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The app locks itself after the configured idle time, keeping the user, asking only the password. */
@ExtendWith(ApplicationExtension.class)
class IdleLockTest {

    @TempDir
    Path dataFolder;

    private Keukentafel keukentafel;
    private FxBackgroundTasks tasks;

    @Start
    void start(Stage stage) {
        tasks = new FxBackgroundTasks();
        keukentafel = Keukentafel.open(new AppOptions(dataFolder, true, Locale.forLanguageTag("nl"), Duration.ofSeconds(2)),
                Clock.system(ZoneId.of("Europe/Amsterdam")), tasks);
        stage.setScene(keukentafel.scene());
        stage.show();
    }

    @AfterEach
    void close() {
        keukentafel.close();
        tasks.close();
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
