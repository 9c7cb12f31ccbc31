package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.AppOptions;
import nl.groningen.keukentafel.app.Keukentafel;
import nl.groningen.keukentafel.app.domain.CaseloadOrder;
import nl.groningen.keukentafel.app.ui.caseload.CaseloadRow;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, built by the composition root on the demo data, driven headless. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneId.of("Europe/Amsterdam"));

    @TempDir
    static Path dataFolder;

    private Keukentafel keukentafel;
    private FxBackgroundTasks tasks;

    @Start
    void start(Stage stage) {
        keukentafel = Keukentafel.open(new AppOptions(dataFolder, true, Locale.forLanguageTag("nl")), CLOCK);
        tasks = new FxBackgroundTasks();
        stage.setScene(keukentafel.mainScene(tasks));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        keukentafel.close();
    }

    @Test
    void theCaseloadShowsTheDemoResidents(FxRobot robot) throws Exception {
        Dataset demo = Keukentafel.demoDataset(CLOCK);
        TableView<CaseloadRow> table = robot.lookup("#caseloadTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == demo.residents().size());

        Resident first = demo.residents().stream().sorted(CaseloadOrder.bySurname()).findFirst().orElseThrow();
        assertThat(table.getItems().get(0).name()).isEqualTo(CaseloadOrder.listName(first));
        assertThat(table.getItems()).extracting(CaseloadRow::clientNumber)
                .containsExactlyInAnyOrderElementsOf(demo.residents().stream().map(Resident::clientNumber).toList());
        assertThat(robot.lookup(CaseloadOrder.listName(first)).tryQuery()).as("first resident's name on screen").isPresent();
        assertThat(robot.lookup("#caseloadCount").queryAs(Label.class).getText()).isEqualTo("150 inwoners");
        assertThat(robot.lookup("#coachName").queryAs(Label.class).getText()).isEqualTo("Coach: " + demo.coaches().get(0).name());
    }
}
