package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.profile.Profiles;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.server.storage.ServerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Sync as the coach sees it, against a real server: the laptop enrols at its first login with the
 * code it was started with, syncs in the background, shows online and the last sync; an agreement
 * the office changed while the laptop changed it offline comes back as a conflict the coach
 * resolves on the conflicts screen, and "Synchroniseer nu" (F5) sends the choice.
 */
@ExtendWith(ApplicationExtension.class)
class SyncScreensTest {

    @RegisterExtension
    final AppUnderTest app = new AppUnderTest();
    private final Path dataFolder = app.dataFolder();
    private DemoSyncServer server;

    private final TestClock clock = AppUnderTest.morningClock();
    private ServerStore serverStore;
    private Agreement agreement;
    private LocalDate officeDate;
    private LocalDate laptopDate;

    @Start
    void start(Stage stage) throws Exception {
        server = app.startServer(clock);
        Dataset demo = server.demo();
        serverStore = server.store();

        // Offline, before the first sync: the coach moves an agreement's date on the laptop...
        Profiles profiles = new Profiles(dataFolder);
        DemoProfile.ensure(profiles, clock);
        agreement = demo.agreements().stream().filter(a -> a.status() == AgreementStatus.OPEN).findFirst().orElseThrow();
        laptopDate = agreement.dueDate().plusDays(7);
        officeDate = agreement.dueDate().plusDays(21);
        try (LocalStore store = LocalStore.unlock(profiles.fileOf(DemoProfile.USER), DemoProfile.PASSWORD.toCharArray())) {
            store.recordWriter().saveAgreement(withDue(agreement, laptopDate));
        }
        // ...while the office moves it too.
        ObjectNode base = Json.mapper().valueToTree(agreement);
        JsonNode office = Json.mapper().valueToTree(withDue(agreement, officeDate));
        assertThat(serverStore.push(null, List.of(new Change(UUID.randomUUID(), RecordKind.AGREEMENT.wireName(), agreement.id(),
                agreement.residentId(), false, office, base))).get(0).status()).isEqualTo(ChangeStatus.APPLIED);

        app.show(stage, AppUnderTest.options(dataFolder, true, server), clock);
    }

    @Test
    void theConflictComesBackToTheCoachWhoKeepsTheirDateAndSyncsIt(FxRobot robot) {
        app.logIn(robot);

        FxWait.until(() -> FxWait.text(robot, "#syncState").equals("Online") && robot.lookup("#navConflicts").query().isVisible());
        assertThat(FxWait.text(robot, "#syncLast")).isEqualTo("Laatste sync 22-11-2026 09:00");
        assertThat(FxWait.text(robot, "#navConflicts")).isEqualTo("Conflicten (1)");

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#conflictsView").tryQuery().isPresent());
        assertThat(FxWait.text(robot, "#conflictServerValue")).isEqualTo(dutch(officeDate));
        assertThat(FxWait.text(robot, "#conflictLaptopValue")).isEqualTo(dutch(laptopDate));

        robot.clickOn("#keepLaptop");
        FxWait.until(() -> robot.lookup("#conflictsNone").tryQuery().isPresent());
        assertThat(robot.lookup("#navConflicts").query().isVisible()).isFalse();
        assertThat(FxWait.text(robot, "#syncWaiting")).isEqualTo("2 wijzigingen wachten");

        robot.type(KeyCode.F5);
        FxWait.until(() -> FxWait.text(robot, "#syncWaiting").equals("Niets wacht op verzending"));
        LocalDate onServer = null;
        for (PulledChange change : serverStore.pull(null, 0, 100_000).changes()) {
            if (change.recordId().equals(agreement.id())) {
                onServer = LocalDate.parse(change.body().get("due_date").asText());
            }
        }
        assertThat(onServer).isEqualTo(laptopDate);
    }

    private static Agreement withDue(Agreement a, LocalDate due) {
        return new Agreement(a.id(), a.residentId(), a.conversationId(), a.description(), a.owner(), a.partner(), due,
                a.status(), a.doneDate(), a.socialMapEntry());
    }

    private static String dutch(LocalDate date) {
        return Messages.forLocale(Locale.forLanguageTag("nl")).date(date);
    }
}
