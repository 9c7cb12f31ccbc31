package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.ui.caseload.CaseloadRow;
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
 * A late date reads the same on Vandaag, in the caseload and in the dossier: a badge "te laat" with
 * the style class due-late, its own background, still white on dark red on a selected row.
 */
@ExtendWith(ApplicationExtension.class)
class DueMarksTest {

    @RegisterExtension
    final AppUnderTest app = new AppUnderTest();

    private final TestClock clock = AppUnderTest.morningClock();
    private Dataset demo;

    @Start
    void start(Stage stage) {
        app.show(stage, AppUnderTest.options(app.dataFolder(), true, Duration.ofMinutes(5)), clock);
        demo = DemoProfile.dataset(clock);
    }

    @Test
    void aLateContactShowsTeLaatOnVandaagInTheCaseloadAndInTheDossierEvenWhenSelected(FxRobot robot) {
        LocalDate today = LocalDate.now(clock);
        Resident late = demo.residents().stream()
                .filter(r -> r.nextContactDue() != null && r.nextContactDue().isBefore(today))
                .min(java.util.Comparator.comparing(Resident::nextContactDue)).orElseThrow();
        app.logIn(robot);

        ListView<ResidentLine> due = robot.lookup("#todayContactsDue").queryListView();
        robot.interact(() -> due.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lateBadges(robot, due)).as("Vandaag, contacts due").isNotEmpty();
        assertReadableOnItsOwnBackground(lateBadges(robot, due).get(0));

        robot.clickOn("#navCaseload");
        FxWait.until(() -> robot.lookup("#caseloadTable").tryQuery().isPresent());
        TableView<CaseloadRow> table = robot.lookup("#caseloadTable").queryTableView();
        robot.clickOn("#caseloadSearch").write(late.clientNumber());
        FxWait.until(() -> table.getItems().size() == 1);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedItem().residentId()).isEqualTo(late.id());
        assertThat(lateBadges(robot, table)).as("caseload, selected row").hasSize(1);
        assertReadableOnItsOwnBackground(lateBadges(robot, table).get(0));

        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#dossierView").tryQuery().isPresent());
        assertThat(lateBadges(robot, robot.lookup("#dossierNextContact").query())).as("dossier, next contact").hasSize(1);
    }

    @Test
    void aLateAgreementShowsTeLaatInTheDossierAndOnVandaag(FxRobot robot) {
        LocalDate today = LocalDate.now(clock);
        Resident withLateAgreement = demo.residents().stream()
                .filter(r -> demo.agreements().stream().anyMatch(a -> a.residentId().equals(r.id())
                        && a.status() == nl.groningen.keukentafel.contract.AgreementStatus.OPEN && a.dueDate().isBefore(today)
                        && a.owner() == nl.groningen.keukentafel.contract.AgreementOwner.COACH))
                .findFirst().orElseThrow();
        app.logIn(robot);

        ListView<ResidentLine> overdue = robot.lookup("#todayOverdueAgreements").queryListView();
        assertThat(lateBadges(robot, overdue)).as("Vandaag, my agreements past their date").isNotEmpty();

        robot.clickOn("#navCaseload");
        FxWait.until(() -> robot.lookup("#caseloadTable").tryQuery().isPresent());
        TableView<CaseloadRow> table = robot.lookup("#caseloadTable").queryTableView();
        robot.clickOn("#caseloadSearch").write(withLateAgreement.clientNumber());
        FxWait.until(() -> table.getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#dossierView").tryQuery().isPresent());
        ListView<?> agreements = robot.lookup("#dossierAgreements").queryListView();
        robot.interact(() -> agreements.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lateBadges(robot, agreements)).as("dossier, open agreements").isNotEmpty();
    }

    /** The badges "te laat" shown inside {@code root}. */
    private static List<Label> lateBadges(FxRobot robot, Node root) {
        Set<Node> found = robot.from(root).lookup(".due-late").queryAll();
        return found.stream().filter(Node::isVisible).filter(Label.class::isInstance).map(Label.class::cast)
                .filter(l -> l.getText().equals("te laat")).toList();
    }

    /** White text on the badge's own dark red, whatever the row's background. */
    private static void assertReadableOnItsOwnBackground(Label badge) {
        assertThat(badge.getTextFill()).isEqualTo(Color.WHITE);
        assertThat(badge.getBackground()).isNotNull();
        assertThat(badge.getBackground().getFills().get(0).getFill()).isEqualTo(Color.web("#a4000f"));
    }
}
