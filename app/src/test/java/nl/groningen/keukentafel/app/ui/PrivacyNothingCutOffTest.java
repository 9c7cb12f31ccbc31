package nl.groningen.keukentafel.app.ui;

import static nl.groningen.keukentafel.app.ui.PrivacyFlowTest.choose;
import static nl.groningen.keukentafel.app.ui.PrivacyFlowTest.openOffice;
import static nl.groningen.keukentafel.app.ui.PrivacyFlowTest.openPrivacy;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.session.Keukentafel;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.AuditEntry;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Inzage en wissen" at 1366×768, in the window the app opens there, with the demo data: no text
 * is cut off in the navigation, on the screen with a resident's trail, nor in the Wissen… dialog
 * (with its problem shown) and its confirmation.
 */
@ExtendWith({ApplicationExtension.class, TestStores.class})
class PrivacyNothingCutOffTest {

    @RegisterExtension
    @Order(1)
    final PrivacyFlowTest.ServerUnderTest server = new PrivacyFlowTest.ServerUnderTest();
    @RegisterExtension
    @Order(2)
    final AppUnderTest app = new AppUnderTest();
    private final TestClock clock = AppUnderTest.morningClock();
    private final CutOffTexts cutOff = new CutOffTexts();
    private Stage stage;

    @Start
    void start(Stage shown) {
        stage = shown;
    }

    @Test
    void noTextOnInzageEnWissenIsCutOffAt1366By768(TestStores stores, FxRobot robot) {
        String code = server.start(stores, StoreKind.SQLITE, clock, PrivacyFlowTest.ADMIN, Role.ADMIN, PrivacyFlowTest.ADMIN_PASSWORD);
        openOffice(robot, app, stage, server, code, clock, new AtomicReference<Path>(), PrivacyFlowTest.ADMIN,
                PrivacyFlowTest.ADMIN_PASSWORD);
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(Keukentafel.WIDTH);
            stage.setHeight(Keukentafel.HEIGHT);
        });
        openPrivacy(robot);
        cutOff.look(robot, "inzage en wissen, leeg");

        Resident resident = server.demo().residents().stream()
                .filter(r -> r.coachId().equals(server.demo().coaches().get(0).id())).findFirst().orElseThrow();
        choose(robot, resident);
        TableView<AuditEntry> trail = robot.lookup("#privacyTrail").queryTableView();
        FxWait.until(() -> !trail.getItems().isEmpty() && !robot.lookup("#privacyErase").query().isDisabled());
        cutOff.look(robot, "inzage en wissen, een inwoner");

        robot.clickOn("#privacyErase");
        FxWait.until(() -> robot.lookup("#erasureDialog").tryQuery().isPresent());
        robot.targetWindow(robot.lookup("#erasureDialog").query().getScene().getWindow());
        robot.clickOn("#erasureNext");
        FxWait.until(() -> !FxWait.text(robot, "#erasureProblem").isEmpty());
        cutOff.look(robot, "wissen");
        robot.interact(() -> robot.lookup("#erasureReason").queryComboBox().show());
        cutOff.look(robot, "wissen, de redenen");
        robot.interact(() -> robot.lookup("#erasureReason").queryComboBox().hide());
        robot.press(KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT);
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN);
        robot.clickOn("#erasureNext");
        FxWait.until(() -> robot.lookup("#erasureQuestion").tryQuery().isPresent());
        cutOff.look(robot, "wissen, bevestigen");
        robot.targetWindow(robot.lookup("#erasureQuestion").query().getScene().getWindow());
        robot.type(KeyCode.ESCAPE);
        FxWait.until(() -> robot.lookup("#erasureQuestion").tryQuery().isEmpty());
        assertThat(server.store().officeResidents().search(resident.clientNumber(), null, null, 0, 10).total())
                .as("kept as it was: Escape is the safe answer").isEqualTo(1);

        assertThat(cutOff.found()).as("texts cut off at 1366×768").isEmpty();
    }
}
