package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
    private final CutOffTexts cutOff = new CutOffTexts();
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
        cutOff.look(robot, "inloggen");
        robot.clickOn("#loginEnrol");
        FxWait.until(() -> robot.lookup("#enrolView").tryQuery().isPresent());
        cutOff.look(robot, "inschrijven");
        robot.clickOn("#enrolBack");
        FxWait.until(() -> robot.lookup("#loginView").tryQuery().isPresent());

        app.logIn(robot);
        cutOff.look(robot, "Vandaag");

        robot.clickOn("#navCaseload");
        FxWait.until(() -> robot.lookup("#caseloadTable").tryQuery().isPresent());
        TableView<CaseloadRow> table = robot.lookup("#caseloadTable").queryTableView();
        FxWait.until(() -> table.getItems().size() == demo.residents().size());
        cutOff.look(robot, "caseload");

        Resident busiest = busiestResident();
        robot.clickOn("#caseloadSearch").write(busiest.clientNumber());
        FxWait.until(() -> table.getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#dossierView").tryQuery().isPresent());
        cutOff.look(robot, "dossier");

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
        cutOff.look(robot, "gespreksformulier (boven)");
        robot.interact(() -> robot.lookup("#conversationScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0.5));
        cutOff.look(robot, "gespreksformulier (midden)");
        robot.interact(() -> robot.lookup("#conversationScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        cutOff.look(robot, "gespreksformulier (onder)");
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
        cutOff.look(robot, "dossier, longest name");

        robot.clickOn("#navSocialMap");
        FxWait.until(() -> robot.lookup("#socialMapView").tryQuery().isPresent());
        cutOff.look(robot, "Sociale kaart");

        robot.clickOn("#navOpenItems");
        FxWait.until(() -> robot.lookup("#openItemsView").tryQuery().isPresent());
        cutOff.look(robot, "Openstaand");

        robot.clickOn("#lockButton");
        FxWait.until(() -> robot.lookup("#loginView").tryQuery().isPresent());
        cutOff.look(robot, "vergrendeld");

        assertThat(cutOff.found()).as("texts cut off at 1366×768").isEmpty();
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
