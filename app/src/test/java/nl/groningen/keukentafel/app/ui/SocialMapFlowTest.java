package nl.groningen.keukentafel.app.ui;

import static nl.groningen.keukentafel.app.ui.Keyboard.openDossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.contract.ReferenceItem;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.SocialMapEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Sociale kaart on the real app, by keyboard: an entry's contact details, and from it to an agreement or referral. */
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

    @Test
    void altVOnAPartnersEntryStartsAReferralInTheConversationOfTheResidentWhoseDossierWasOpen(FxRobot robot) {
        app.logIn(robot);
        Resident target = DemoProfile.dataset(clock).residents().get(5);
        openDossier(robot, target);
        openSocialMapAt(robot, "Centrum naar Werk");

        robot.press(KeyCode.ALT, KeyCode.V).release(KeyCode.V, KeyCode.ALT);
        FxWait.until(() -> robot.lookup("#conversationView").tryQuery().isPresent());

        assertThat(robot.lookup(".screen-title").queryAs(Label.class).getText()).endsWith(target.fullName());
        ComboBox<ReferenceItem> partner = robot.lookup("#referralPartner").queryComboBox();
        FxWait.until(() -> partner.getValue() != null && robot.lookup("#referralAdd").query().isFocused());
        assertThat(partner.getValue().code()).isEqualTo("cnw");
        robot.type(KeyCode.SPACE);
        ListView<Referral> referrals = robot.lookup("#conversationReferrals").queryListView();
        FxWait.until(() -> referrals.getItems().size() == 1);
        assertThat(referrals.getItems().get(0).partner()).isEqualTo("cnw");
    }

    @Test
    void altAWithNoDossierOpenAsksWhichResidentThenStartsTheAgreementAtTheEntry(FxRobot robot) {
        app.logIn(robot);
        Resident target = DemoProfile.dataset(clock).residents().get(9);
        openSocialMapAt(robot, "Repair Café");
        String entry = robot.lookup("#socialMapList").<SocialMapEntry>queryListView().getSelectionModel().getSelectedItem().name();

        robot.press(KeyCode.ALT, KeyCode.A).release(KeyCode.A, KeyCode.ALT);
        FxWait.until(() -> robot.lookup("#residentChoiceDialog").tryQuery().isPresent());
        FxWait.until(() -> robot.lookup("#residentChoiceSearch").query().isFocused());
        robot.targetWindow(robot.lookup("#residentChoiceDialog").query().getScene().getWindow());
        robot.write(target.clientNumber());
        robot.type(KeyCode.DOWN);
        // As the coach does: Enter once the resident is selected in the list.
        ListView<?> found = robot.lookup("#residentChoiceList").queryListView();
        FxWait.until(() -> found.isFocused() && found.getSelectionModel().getSelectedItem() != null);
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#conversationView").tryQuery().isPresent());

        assertThat(robot.lookup(".screen-title").queryAs(Label.class).getText()).endsWith(target.fullName());
        javafx.scene.Node description = robot.lookup("#agreementDescription").query();
        // Headless, the window takes the focus back from the closed dialog in its own time.
        FxWait.until(() -> description.getScene().getWindow().isFocused());
        FxWait.until(() -> description.getScene().getFocusOwner() == description);
        assertThat(robot.lookup("#agreementDescription").queryTextInputControl().getText()).isEqualTo("Langsgaan bij " + entry);
        assertThat(robot.lookup("#agreementLink").queryAs(Label.class).getText()).isEqualTo(entry);
    }

    private void openSocialMapAt(FxRobot robot, String search) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#socialMapView").tryQuery().isPresent());
        FxWait.until(() -> robot.lookup("#socialMapSearch").query().isFocused());
        robot.write(search);
        ListView<SocialMapEntry> list = robot.lookup("#socialMapList").queryListView();
        FxWait.until(() -> !list.getItems().isEmpty() && list.getItems().get(0).name().startsWith(search));
        robot.type(KeyCode.DOWN);
        FxWait.until(() -> list.getSelectionModel().getSelectedItem() != null);
    }
}
