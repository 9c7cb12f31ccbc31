package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.ui.caseload.CaseloadRow;
import nl.groningen.keukentafel.contract.AgreementStatus;
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
 * At 1366×768, the laptops' screen, in the window the app opens there (1280×700), no text on any screen is cut off: no label, button, check box
 * or list cell shows an ellipsis in place of its end, and no table cell's text runs past its column.
 * Each screen is filled with the demo data, the dossier with many records, the form with an
 * agreement and a referral.
 */
@ExtendWith(ApplicationExtension.class)
class NothingCutOffTest {

    @RegisterExtension
    final AppUnderTest app = new AppUnderTest();

    private final TestClock clock = AppUnderTest.morningClock();
    private final List<String> cutOff = new ArrayList<>();
    private Dataset demo;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage, AppUnderTest.options(app.dataFolder(), true, Duration.ofMinutes(5)), clock);
        stage.setX(0);
        stage.setY(0);
        // The window as it opens on a 1366×768 laptop (room for the task bar), not the whole screen.
        stage.setWidth(nl.groningen.keukentafel.app.session.Keukentafel.WIDTH);
        stage.setHeight(nl.groningen.keukentafel.app.session.Keukentafel.HEIGHT);
        demo = DemoProfile.dataset(clock);
    }

    @Test
    void noTextOnAnyScreenIsCutOffAt1366By768(FxRobot robot) {
        assertThat(stage.getScene().getWidth()).isEqualTo(nl.groningen.keukentafel.app.session.Keukentafel.WIDTH);
        look(robot, "inloggen");
        robot.clickOn("#loginEnrol");
        FxWait.until(() -> robot.lookup("#enrolView").tryQuery().isPresent());
        look(robot, "inschrijven");
        robot.clickOn("#enrolBack");
        FxWait.until(() -> robot.lookup("#loginView").tryQuery().isPresent());

        app.logIn(robot);
        look(robot, "Vandaag");

        robot.clickOn("#navCaseload");
        FxWait.until(() -> robot.lookup("#caseloadTable").tryQuery().isPresent());
        TableView<CaseloadRow> table = robot.lookup("#caseloadTable").queryTableView();
        FxWait.until(() -> table.getItems().size() == demo.residents().size());
        look(robot, "caseload");

        Resident busiest = busiestResident();
        robot.clickOn("#caseloadSearch").write(busiest.clientNumber());
        FxWait.until(() -> table.getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#dossierView").tryQuery().isPresent());
        look(robot, "dossier");

        robot.clickOn("#dossierConversation");
        FxWait.until(() -> robot.lookup("#conversationView").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#agreementDescription").queryAs(TextField.class)
                .setText("Samen het aanvraagformulier voor de bijzondere bijstand invullen en opsturen"));
        select(robot, "#agreementOwner", 0);
        robot.interact(() -> robot.lookup("#agreementAdd").queryAs(Button.class).fire());
        select(robot, "#referralPartner", 0);
        robot.interact(() -> robot.lookup("#referralWarm").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        robot.interact(() -> robot.lookup("#referralAdd").queryAs(Button.class).fire());
        FxWait.until(() -> robot.lookup("#conversationReferrals").queryListView().getItems().size() == 1);
        look(robot, "gespreksformulier (boven)");
        robot.interact(() -> robot.lookup("#conversationScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0.5));
        look(robot, "gespreksformulier (midden)");
        robot.interact(() -> robot.lookup("#conversationScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        look(robot, "gespreksformulier (onder)");
        robot.interact(() -> robot.lookup("#conversationClose").queryAs(Button.class).fire());
        FxWait.until(() -> robot.lookup("#dossierView").tryQuery().isPresent());

        Resident longestName = demo.residents().stream().max(Comparator.comparingInt(r -> r.fullName().length())).orElseThrow();
        robot.clickOn("#navCaseload");
        TableView<CaseloadRow> again = robot.lookup("#caseloadTable").queryTableView();
        robot.interact(() -> robot.lookup("#caseloadSearch").queryTextInputControl().clear());
        robot.clickOn("#caseloadSearch").write(longestName.clientNumber());
        FxWait.until(() -> again.getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#dossierView").tryQuery().isPresent());
        look(robot, "dossier, longest name");

        robot.clickOn("#navSocialMap");
        FxWait.until(() -> robot.lookup("#socialMapView").tryQuery().isPresent());
        look(robot, "Sociale kaart");

        robot.clickOn("#navOpenItems");
        FxWait.until(() -> robot.lookup("#openItemsView").tryQuery().isPresent());
        look(robot, "Openstaand");

        robot.clickOn("#lockButton");
        FxWait.until(() -> robot.lookup("#loginView").tryQuery().isPresent());
        look(robot, "vergrendeld");

        assertThat(cutOff).as("texts cut off at 1366×768").isEmpty();
    }

    /** Notes every text cut off in the stage's scene now. */
    private void look(FxRobot robot, String screen) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            for (Window window : Window.getWindows()) {
                if (window.isShowing() && window.getScene() != null) {
                    window.getScene().getRoot().applyCss();
                    window.getScene().getRoot().layout();
                    collect(screen, window.getScene().getRoot());
                }
            }
        });
    }

    private void collect(String screen, Node node) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            String shown = shownText(labeled);
            String full = labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_", "") : labeled.getText();
            if (shown != null && !shown.equals(full) && shown.endsWith(labeled.getEllipsisString())) {
                cutOff.add(screen + ": " + name(labeled) + " \"" + labeled.getText() + "\" shows \"" + shown + "\"");
            }
        }
        if (node instanceof TableCell<?, ?> cell && cell.getText() != null && cell.getGraphic() == null) {
            for (Node child : cell.getChildrenUnmodifiable()) {
                if (child instanceof Text text && text.getText() != null && text.getText().equals(cell.getText())
                        && text.getLayoutBounds().getWidth() > cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset() + 0.5) {
                    cutOff.add(screen + ": " + name(cell) + " \"" + cell.getText() + "\" runs past its column");
                }
            }
        }
        if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL
                && (bar.getParent() instanceof VirtualFlow<?>)) {
            cutOff.add(screen + ": " + name(bar) + " lines run past the list's right edge");
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(screen, child);
            }
        }
    }

    /** The text a label's skin draws: the whole text, or its start and an ellipsis. */
    private static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && text.getStyleClass().contains("text")) {
                return text.getText();
            }
        }
        return null;
    }

    private static String name(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null && !n.getId().equals("virtual-flow")) {
                return (n == node ? "#" : "in #") + n.getId() + " (" + node.getClass().getSimpleName() + ")";
            }
        }
        return node.getClass().getSimpleName();
    }

    /** The resident with the most records, open, done and cancelled agreements among them. */
    private Resident busiestResident() {
        LocalDate today = LocalDate.now(clock);
        return demo.residents().stream().max(Comparator.comparingLong((Resident r) -> count(r, AgreementStatus.DONE) > 0
                && count(r, AgreementStatus.CANCELLED) > 0 && count(r, AgreementStatus.OPEN) > 0 ? 1 : 0)
                .thenComparingLong(r -> demo.agreements().stream().filter(a -> a.residentId().equals(r.id())).count()
                        + demo.referrals().stream().filter(x -> x.residentId().equals(r.id())).count()
                        + demo.conversations().stream().filter(c -> c.residentId().equals(r.id())).count()
                        + demo.contactAttempts().stream().filter(c -> c.residentId().equals(r.id())).count()))
                .orElseThrow();
    }

    private long count(Resident r, AgreementStatus status) {
        return demo.agreements().stream().filter(a -> a.residentId().equals(r.id()) && a.status() == status).count();
    }

    private static void select(FxRobot robot, String query, int index) {
        ComboBox<?> box = robot.lookup(query).queryComboBox();
        robot.interact(() -> box.getSelectionModel().select(index + (box.getItems().get(0) == null ? 1 : 0)));
    }
}
