package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import nl.groningen.keukentafel.contract.SocialMapEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Sociale kaart on the real app: an entry's contact details, by keyboard. */
@ExtendWith(ApplicationExtension.class)
class SocialMapFlowTest {

    @RegisterExtension
    final AppUnderTest app = new AppUnderTest();
    private final Path dataFolder = app.dataFolder();
    private final TestClock clock = AppUnderTest.morningClock();

    @Start
    void start(Stage stage) {
        app.show(stage, AppUnderTest.options(dataFolder, true, Duration.ofMinutes(5)), clock);
    }

    @Test
    void arrowDownOnAnEntryShowsItsPhoneAddressOpeningHoursAndWebsite(FxRobot robot) {
        app.logIn(robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#socialMapView").tryQuery().isPresent());
        FxWait.until(() -> robot.lookup("#socialMapSearch").query().isFocused());
        robot.write("WIJ-team");
        ListView<SocialMapEntry> list = robot.lookup("#socialMapList").queryListView();
        FxWait.until(() -> !list.getItems().isEmpty() && list.getItems().get(0).name().startsWith("WIJ-team"));

        robot.type(KeyCode.DOWN);

        SocialMapEntry entry = list.getItems().get(0);
        VBox details = robot.lookup("#socialMapDetails").queryAs(VBox.class);
        FxWait.until(() -> !details.getChildren().isEmpty());
        List<String> lines = details.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertThat(lines).containsExactly("Adres: " + entry.address(), "Open: " + entry.when(),
                "Telefoon: " + entry.phone(), "Website: " + entry.website());
        assertThat(entry.phone()).startsWith("050 - 555 ");
    }
}
