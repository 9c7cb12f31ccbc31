package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.session.AppOptions;
import nl.groningen.keukentafel.app.session.Keukentafel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The office screens at 1366×768, in the window the app opens there, filled from a server with the
 * demo data: no text is cut off on the import, assign, laptops and reports screens, nor on any of
 * the figures' charts and tables, nor in the new-user dialog.
 */
@ExtendWith(ApplicationExtension.class)
class OfficeNothingCutOffTest {

    private static final String OFFICE_USER = "teamleider";
    private static final String OFFICE_PASSWORD = "teamleider-wachtwoord";

    @RegisterExtension
    final AppUnderTest app = new AppUnderTest();
    private final TestClock clock = AppUnderTest.morningClock();
    private final CutOffTexts cutOff = new CutOffTexts();

    @Start
    void start(Stage stage) throws Exception {
        DemoSyncServer server = app.startServer(clock);
        server.store().coaches().add("Wilhelmina van der Kladblokkema", "Zuid");
        String code = server.officeUser(OFFICE_USER, OFFICE_PASSWORD);
        app.show(stage, new AppOptions(app.dataFolder(), false, Locale.forLanguageTag("nl"), AppOptions.DEFAULT_LOCK_AFTER,
                server.url(), code), clock);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(Keukentafel.WIDTH);
        stage.setHeight(Keukentafel.HEIGHT);
    }

    @Test
    void noTextOnAnyOfficeScreenIsCutOffAt1366By768(FxRobot robot) {
        FxWait.until(() -> robot.lookup("#enrolView").tryQuery().isPresent());
        robot.clickOn("#enrolUser").write(OFFICE_USER).type(KeyCode.TAB).write(OFFICE_PASSWORD).type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#officeWindow").tryQuery().isPresent());
        cutOff.look(robot, "caseload importeren");

        robot.clickOn("#navAssign");
        FxWait.until(() -> !robot.lookup("#residentsTable").queryTableView().getItems().isEmpty()
                && robot.lookup("#coachesTable").queryTableView().getItems().size() == 2);
        cutOff.look(robot, "toewijzen");

        robot.clickOn("#navDevices");
        FxWait.until(() -> !robot.lookup("#devicesTable").queryTableView().getItems().isEmpty());
        cutOff.look(robot, "laptops en gebruikers");
        robot.clickOn("#newUser");
        FxWait.until(() -> robot.lookup("#newUserDialog").tryQuery().isPresent());
        cutOff.look(robot, "nieuwe gebruiker");
        robot.targetWindow(robot.lookup("#newUserDialog").query().getScene().getWindow());
        robot.type(KeyCode.ESCAPE);
        FxWait.until(() -> robot.lookup("#newUserDialog").tryQuery().isEmpty());

        robot.clickOn("#navReports");
        FxWait.until(() -> robot.lookup("#table-reach").tryQuery().isPresent());
        for (String figure : new String[] {"reach", "approaches", "perWijk", "outcomes", "referrals", "followUp", "inBeeld",
                "discipline"}) {
            robot.interact(() -> robot.lookup("#figure-" + figure).queryAs(ToggleButton.class).fire());
            FxWait.until(() -> robot.lookup("#table-" + figure).tryQuery().isPresent());
            cutOff.look(robot, "cijfers: " + figure);
        }

        assertThat(cutOff.found()).as("texts cut off at 1366×768").isEmpty();
    }
}
