package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import nl.groningen.keukentafel.app.ui.caseload.CaseloadRow;
import nl.groningen.keukentafel.contract.Resident;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The steps the flow tests take the way a coach does: by keyboard, into the window the field is in. */
final class Keyboard {

    private Keyboard() {
    }

    /** Puts the keyboard focus on the node, and checks it took it. */
    static void focus(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(node::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node.isFocused()).as(query + " takes the keyboard focus").isTrue();
    }

    /** Types into the field; the text goes to the window the field is in (a dialog, say), as it would for the coach. */
    static void type(FxRobot robot, String query, String text) {
        focus(robot, query);
        robot.targetWindow(robot.lookup(query).query().getScene().getWindow());
        robot.write(text);
    }

    /** Empties the field, then types into it. */
    static void replace(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryTextInputControl().clear());
        type(robot, query, text);
    }

    /** Types digits and dashes with real key presses (a date picker listens to those, not to typed characters alone). */
    static void keys(FxRobot robot, String text) {
        for (char c : text.toCharArray()) {
            robot.type(c == '-' ? KeyCode.MINUS : KeyCode.valueOf("DIGIT" + c));
        }
    }

    /** Presses the button (or ticks the box) with the space bar. */
    static void press(FxRobot robot, String query) {
        focus(robot, query);
        robot.type(KeyCode.SPACE);
    }

    /** Opens the resident's dossier from the caseload: search by client number, Enter. */
    static void openDossier(FxRobot robot, Resident resident) {
        robot.clickOn("#navCaseload");
        FxWait.until(() -> robot.lookup("#caseloadTable").tryQuery().isPresent());
        TableView<CaseloadRow> table = robot.lookup("#caseloadTable").queryTableView();
        robot.interact(() -> robot.lookup("#caseloadSearch").queryTextInputControl().clear());
        robot.clickOn("#caseloadSearch").write(resident.clientNumber());
        FxWait.until(() -> table.getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#dossierView").tryQuery().isPresent());
    }
}
