package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.domain.Due;
import nl.groningen.keukentafel.app.domain.OpenItem;
import nl.groningen.keukentafel.app.domain.Referrals;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Referral;
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
 * Openstaand on the real app with the demo caseload: Ctrl+5 lists every open agreement and referral,
 * the late ones on top with "te laat", and Enter opens the resident's dossier.
 */
@ExtendWith(ApplicationExtension.class)
class OpenItemsFlowTest {

    @RegisterExtension
    final AppUnderTest app = new AppUnderTest();

    private final TestClock clock = AppUnderTest.morningClock();
    private Dataset demo;
    private LocalDate today;

    @Start
    void start(Stage stage) {
        app.show(stage, AppUnderTest.options(app.dataFolder(), true, Duration.ofMinutes(5)), clock);
        demo = DemoProfile.dataset(clock);
        today = LocalDate.now(clock);
    }

    @Test
    void ctrl5ListsALateAgreementASoonReferralAndALaterAgreementInDueOrderAndEnterOpensTheDossier(FxRobot robot) {
        Agreement late = openAgreement(a -> Due.of(a.dueDate(), today) == Due.LATE);
        Referral soon = demo.referrals().stream().filter(Referrals::isOpen)
                .filter(r -> !r.residentId().equals(late.residentId()) && Due.of(r.checkOn(), today) == Due.SOON)
                .min(Comparator.comparing(Referral::checkOn)).orElseThrow();
        Agreement later = openAgreement(a -> Due.of(a.dueDate(), today) == Due.LATER
                && !a.residentId().equals(late.residentId()) && !a.residentId().equals(soon.residentId()));
        app.logIn(robot);

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        FxWait.until(() -> robot.lookup("#openItemsView").tryQuery().isPresent());
        ListView<ResidentLine> list = robot.lookup("#openItemsList").queryListView();
        List<ResidentLine> lines = List.copyOf(list.getItems());

        assertThat(lines).hasSize((int) (demo.agreements().stream().filter(a -> a.status() == AgreementStatus.OPEN).count()
                + demo.referrals().stream().filter(Referrals::isOpen).count()));
        int lateLine = indexOf(lines, late.residentId(), late.description());
        int soonLine = indexOf(lines, soon.residentId(), "verwijzing naar");
        int laterLine = indexOf(lines, later.residentId(), later.description());
        assertThat(lateLine).isLessThan(soonLine);
        assertThat(soonLine).isLessThan(laterLine);
        assertThat(lines.get(lateLine).text()).startsWith(resident(late.residentId()).fullName() + " – afspraak: " + late.description())
                .endsWith("uiterlijk " + app.keukentafel().messages().date(late.dueDate()));
        assertThat(lines).extracting(ResidentLine::due).first().isEqualTo(Due.LATE);
        assertThat(lines.get(soonLine).due()).isEqualTo(Due.SOON);
        assertThat(lines.get(laterLine).due()).isEqualTo(Due.LATER);
        assertThat(badgeOnLine(robot, list, 0)).isEqualTo("te laat");

        // The list has the focus on its first line: down to the late agreement, Enter opens the dossier.
        assertThat(list.isFocused()).isTrue();
        for (int i = 0; i < lateLine; i++) {
            robot.type(KeyCode.DOWN);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(lateLine);
        assertThat(badgeOnLine(robot, list, lateLine)).isEqualTo("te laat");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#dossierView").tryQuery().isPresent());

        assertThat(FxWait.text(robot, "#dossierTitle")).isEqualTo(resident(late.residentId()).fullName());
    }

    @Test
    void onlyReferralsShowsTheOpenReferralsAndTheButtonOpensTheDossier(FxRobot robot) {
        app.logIn(robot);
        robot.clickOn("#navOpenItems");
        FxWait.until(() -> robot.lookup("#openItemsView").tryQuery().isPresent());
        ComboBox<OpenItem.Kind> kind = robot.lookup("#openItemsKind").queryComboBox();
        robot.interact(() -> kind.setValue(OpenItem.Kind.REFERRAL));
        ListView<ResidentLine> list = robot.lookup("#openItemsList").queryListView();

        assertThat(list.getItems()).hasSize((int) demo.referrals().stream().filter(Referrals::isOpen).count())
                .allMatch(l -> l.text().contains(" – verwijzing naar "));
        assertThat(FxWait.text(robot, "#openItemsCount")).isEqualTo(list.getItems().size() + " open");

        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#openItemsOpen");
        FxWait.until(() -> robot.lookup("#dossierView").tryQuery().isPresent());
        assertThat(FxWait.text(robot, "#dossierTitle")).isEqualTo(resident(list.getItems().get(0).residentId()).fullName());
    }

    private Agreement openAgreement(Predicate<Agreement> which) {
        return demo.agreements().stream().filter(a -> a.status() == AgreementStatus.OPEN).filter(which)
                .min(Comparator.comparing(Agreement::dueDate)).orElseThrow();
    }

    private Resident resident(UUID id) {
        return demo.residents().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static int indexOf(List<ResidentLine> lines, UUID residentId, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).residentId().equals(residentId) && lines.get(i).text().contains(part)) {
                return i;
            }
        }
        throw new AssertionError("No line for " + part);
    }

    /** The text of the due badge on the list's line {@code index} as drawn; "" when it has none. */
    private static String badgeOnLine(FxRobot robot, ListView<ResidentLine> list, int index) {
        robot.interact(() -> list.scrollTo(index));
        WaitForAsyncUtils.waitForFxEvents();
        for (Node node : robot.from(list).lookup(".list-cell").queryAll()) {
            if (node instanceof ListCell<?> cell && cell.getIndex() == index && cell.isVisible()
                    && cell.getGraphic() instanceof Label badge && badge.getStyleClass().contains(DueBadge.LATE)) {
                return badge.getText();
            }
        }
        return "";
    }
}
