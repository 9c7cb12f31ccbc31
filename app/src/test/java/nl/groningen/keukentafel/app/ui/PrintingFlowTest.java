package nl.groningen.keukentafel.app.ui;

import static nl.groningen.keukentafel.app.ui.Keyboard.openDossier;
import static nl.groningen.keukentafel.app.ui.Keyboard.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.print.PlanPrinter;
import nl.groningen.keukentafel.app.print.PrintContent;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.PlanGoal;
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
 * The dossier's "Afdrukken voor inwoner" on the real app: to the printer or as PDF. A headless test
 * cannot show the system's print dialog, so the printer here records what it was given.
 */
@ExtendWith(ApplicationExtension.class)
class PrintingFlowTest {

    @RegisterExtension
    final AppUnderTest app = new AppUnderTest();
    private final Path dataFolder = app.dataFolder();
    private final TestClock clock = AppUnderTest.morningClock();
    private final List<PrintContent> printed = new ArrayList<>();
    private PlanPrinter.Outcome printerSays = PlanPrinter.Outcome.PRINTED;
    private Dataset demo;

    @Start
    void start(Stage stage) {
        app.show(stage, AppUnderTest.options(dataFolder, true, Duration.ofMinutes(5)), clock);
        app.keukentafel().printWith((content, owner) -> {
            printed.add(content);
            return printerSays;
        });
        demo = DemoProfile.dataset(clock);
    }

    @Test
    void ctrlPAndEnterSendTheResidentsPlanAndOpenAgreementsToThePrinter(FxRobot robot) {
        app.logIn(robot);
        Resident target = residentWithPlanAndOpenAgreements(robot);
        openDossier(robot, target);

        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#printDialog").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> !printed.isEmpty());

        PrintContent content = printed.get(0);
        assertThat(printed).hasSize(1);
        assertThat(content.residentName()).isEqualTo(target.fullName());
        assertThat(content.goals()).extracting(PrintContent.Goal::goal)
                .containsExactlyElementsOf(planOf(target).goals().stream().map(PlanGoal::goal).toList());
        assertThat(content.agreements()).extracting(PrintContent.AgreementLine::what)
                .containsExactlyInAnyOrderElementsOf(openAgreementsOf(target));
        FxWait.until(() -> robot.lookup("#printDialog").tryQuery().isEmpty());
        assertThat(robot.lookup("#dossierMessage").queryAs(Label.class).getText()).isEqualTo("Het plan is naar de printer gestuurd.");
    }

    @Test
    void withoutAPrinterTheDossierSaysToSaveAsPdf(FxRobot robot) {
        printerSays = PlanPrinter.Outcome.NO_PRINTER;
        app.logIn(robot);
        openDossier(robot, demo.residents().get(3));

        press(robot, "#dossierPrint");
        FxWait.until(() -> robot.lookup("#printDialog").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> !printed.isEmpty());

        FxWait.until(() -> robot.lookup("#dossierMessage").queryAs(Label.class).getText().startsWith("Er is geen printer gevonden."));
    }

    @Test
    void escapeInThePrintChoiceSendsNothing(FxRobot robot) {
        app.logIn(robot);
        openDossier(robot, demo.residents().get(3));

        press(robot, "#dossierPrint");
        FxWait.until(() -> robot.lookup("#printDialog").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        FxWait.until(() -> robot.lookup("#printDialog").tryQuery().isEmpty());

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(printed).isEmpty();
        assertThat(robot.lookup("#dossierMessage").queryAs(Label.class).getText()).isEmpty();
    }

    private Resident residentWithPlanAndOpenAgreements(FxRobot robot) {
        return demo.residents().stream()
                .filter(r -> planOf(r) != null && !planOf(r).goals().isEmpty() && !openAgreementsOf(r).isEmpty())
                .findFirst().orElseThrow();
    }

    private DevelopmentPlan planOf(Resident resident) {
        return demo.developmentPlans().stream().filter(p -> p.residentId().equals(resident.id())).findFirst().orElse(null);
    }

    private List<String> openAgreementsOf(Resident resident) {
        return demo.agreements().stream().filter(a -> a.residentId().equals(resident.id()))
                .filter(a -> a.status() == AgreementStatus.OPEN).map(Agreement::description).toList();
    }
}
