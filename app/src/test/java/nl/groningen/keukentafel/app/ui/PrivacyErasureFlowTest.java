package nl.groningen.keukentafel.app.ui;

import static nl.groningen.keukentafel.app.ui.PrivacyFlowTest.choose;
import static nl.groningen.keukentafel.app.ui.PrivacyFlowTest.openOffice;
import static nl.groningen.keukentafel.app.ui.PrivacyFlowTest.openPrivacy;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.office.AuditEntry;
import nl.groningen.keukentafel.contract.office.ErasureReason;
import nl.groningen.keukentafel.contract.office.ResidentSummary;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Erasing a resident from "Inzage en wissen" against a real server, on SQLite and on PostgreSQL:
 * the admin sees the summary first (records by kind in Dutch words, the coach's laptop that will
 * purge them), cannot go on without a reason, picks one, confirms; the server then says the
 * resident is erased and its search no longer finds them. An office user gets no Wissen button.
 */
@ExtendWith({ApplicationExtension.class, TestStores.class})
class PrivacyErasureFlowTest {

    @RegisterExtension
    @Order(1)
    final PrivacyFlowTest.ServerUnderTest server = new PrivacyFlowTest.ServerUnderTest();
    @RegisterExtension
    @Order(2)
    final AppUnderTest app = new AppUnderTest();
    private final TestClock clock = AppUnderTest.morningClock();
    private final AtomicReference<Path> chosen = new AtomicReference<>();
    private Stage stage;

    @Start
    void start(Stage shown) {
        stage = shown;
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void anAdminErasesAResidentAfterTheSummaryAReasonAndAConfirmation(StoreKind kind, TestStores stores, FxRobot robot) {
        String code = server.start(stores, kind, clock, PrivacyFlowTest.ADMIN, Role.ADMIN, PrivacyFlowTest.ADMIN_PASSWORD);
        openOffice(robot, app, stage, server, code, clock, chosen, PrivacyFlowTest.ADMIN, PrivacyFlowTest.ADMIN_PASSWORD);
        Resident resident = server.demo().residents().stream()
                .filter(r -> r.coachId().equals(server.demo().coaches().get(0).id())).findFirst().orElseThrow();
        long conversations = server.demo().conversations().stream().filter(c -> c.residentId().equals(resident.id())).count();
        openPrivacy(robot);
        ResidentSummary found = choose(robot, resident);
        TableView<AuditEntry> trail = robot.lookup("#privacyTrail").queryTableView();
        FxWait.until(() -> !trail.getItems().isEmpty() && !robot.lookup("#privacyErase").query().isDisabled());

        // The summary first: what goes, in Dutch words, and the laptop that purges the resident at its next sync.
        robot.clickOn("#privacyErase");
        FxWait.until(() -> robot.lookup("#erasureDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#erasureDialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo(found.name() + " (" + resident.clientNumber() + ") wissen");
        String summary = robot.lookup("#erasureSummary").queryAs(VBox.class).getChildrenUnmodifiable().stream()
                .map(n -> ((Label) n).getText()).collect(Collectors.joining("\n"));
        if (conversations > 0) {
            assertThat(summary).contains("Gesprekken: " + conversations);
        }
        assertThat(summary).contains("Deze laptops hebben de inwoner en wissen die bij hun volgende synchronisatie: laptop-sanne.");

        // No reason: Verder says so and the dialog stays.
        robot.targetWindow(dialog.getScene().getWindow());
        robot.clickOn("#erasureNext");
        FxWait.until(() -> FxWait.text(robot, "#erasureProblem").equals("Kies een reden."));
        assertThat(robot.lookup("#erasureDialog").tryQuery()).isPresent();

        // A reason (Alt+R, the first: at the resident's request) and the municipality's reference (Alt+K), then the confirmation.
        robot.press(KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT);
        FxWait.until(() -> robot.lookup("#erasureReason").query().isFocused());
        robot.type(KeyCode.DOWN);
        FxWait.until(() -> robot.lookup("#erasureReason").queryComboBox().getValue() == ErasureReason.REQUEST);
        robot.press(KeyCode.ALT, KeyCode.K).release(KeyCode.K, KeyCode.ALT);
        FxWait.until(() -> robot.lookup("#erasureReference").query().isFocused());
        robot.write("AVG-2026-0142");
        assertThat(FxWait.text(robot, "#erasureReferenceHint")).contains("hoogstens 64 tekens", "13 getypt");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#erasureDialog").tryQuery()).as(FxWait.text(robot, "#erasureProblem")).isEmpty();
        FxWait.until(() -> robot.lookup("#erasureQuestion").tryQuery().isPresent());
        DialogPane question = robot.lookup("#erasureQuestion").queryAs(DialogPane.class);
        assertThat(question.getContentText()).startsWith(found.name() + " (" + resident.clientNumber() + ") definitief wissen");
        robot.targetWindow(question.getScene().getWindow());
        robot.press(KeyCode.ALT, KeyCode.W).release(KeyCode.W, KeyCode.ALT);
        FxWait.until(() -> robot.lookup("#erasureQuestion").tryQuery().isEmpty());
        robot.targetWindow(robot.lookup("#officeWindow").query().getScene().getWindow());

        // One sentence; the server's trail now says erased, with the act in it.
        FxWait.until(() -> FxWait.text(robot, "#privacyMessage").startsWith(found.name() + " is gewist: "));
        assertThat(FxWait.text(robot, "#privacyMessage")).endsWith("de laptops die de inwoner hadden, wissen die bij hun volgende synchronisatie.");
        FxWait.until(() -> robot.lookup("#privacyErased").query().isVisible());
        assertThat(FxWait.text(robot, "#privacyErased")).matches("Deze inwoner is gewist op \\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2} door "
                + PrivacyFlowTest.ADMIN + " \\(Beheerder\\)\\. De server bewaart alleen nog .*");
        assertThat(trail.getItems()).anyMatch(e -> e.action() == AuditAction.ERASED);
        assertThat(PrivacyFlowTest.cell(trail, 0, 3)).isEqualTo("Gewist");
        Node pdf = robot.lookup("#privacyPdf").query();
        assertThat(pdf.isDisabled()).as("nothing left to give inzage in").isTrue();
        assertThat(robot.lookup("#privacyErase").query().isDisabled()).isTrue();

        // The search no longer finds them.
        robot.interact(() -> robot.lookup("#privacyQuery").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(resident.clientNumber()).type(KeyCode.ENTER);
        FxWait.until(() -> FxWait.text(robot, "#privacyFound").equals("Geen inwoners gevonden."));
        assertThat(robot.lookup("#privacyResidents").queryTableView().getItems()).isEmpty();
        assertThat(server.store().officeResidents().search(resident.clientNumber(), null, null, 0, 10).total()).isZero();
    }

    @Test
    void anOfficeUserWhoIsNoAdminGetsNoWissenButton(TestStores stores, FxRobot robot) {
        String code = server.start(stores, StoreKind.SQLITE, clock, "kantoor", Role.OFFICE, "kantoor-wachtwoord");
        openOffice(robot, app, stage, server, code, clock, chosen, "kantoor", "kantoor-wachtwoord");
        Resident resident = server.demo().residents().get(0);
        openPrivacy(robot);
        choose(robot, resident);
        TableView<AuditEntry> trail = robot.lookup("#privacyTrail").queryTableView();
        FxWait.until(() -> !trail.getItems().isEmpty());
        assertThat(robot.lookup("#privacyJson").query().isDisabled()).as("an office user gives inzage").isFalse();
        Node erase = robot.lookup("#privacyErase").query();
        assertThat(erase.isVisible()).isFalse();
        assertThat(erase.isManaged()).isFalse();
    }
}
