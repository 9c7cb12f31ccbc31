package nl.groningen.keukentafel.app.ui;

import static nl.groningen.keukentafel.app.ui.Keyboard.openDossier;
import static nl.groningen.keukentafel.app.ui.Keyboard.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.ui.office.FilePicker;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The dossier's "Inzage afdrukken…" on the real app (demo, no server: offline): it asks where to
 * save and writes the resident's access overview there. The file dialog is answered by the test.
 */
@ExtendWith(ApplicationExtension.class)
class AccessFlowTest {

    @RegisterExtension
    final AppUnderTest app = new AppUnderTest();
    private final Path dataFolder = app.dataFolder();
    private final TestClock clock = AppUnderTest.morningClock();
    private final List<String> suggested = new ArrayList<>();
    private Path target;
    @org.junit.jupiter.api.io.TempDir
    Path exports;
    private Dataset demo;

    @Start
    void start(Stage stage) throws Exception {
        target = exports.resolve("inzage.pdf");
        app.show(stage, AppUnderTest.options(dataFolder, true, Duration.ofMinutes(5)), clock);
        app.keukentafel().pickFilesWith(new FilePicker() {
            @Override
            public Path open(javafx.stage.Window owner, String title, String filterName, String pattern) {
                return null;
            }

            @Override
            public Path save(javafx.stage.Window owner, String title, String suggestedName, String filterName, String pattern) {
                suggested.add(suggestedName);
                return target;
            }
        });
        demo = DemoProfile.dataset(clock);
    }

    @Test
    void theAccessButtonSavesTheShownResidentsOverviewAsPdf(FxRobot robot) throws Exception {
        app.logIn(robot);
        Resident resident = demo.residents().get(3);
        openDossier(robot, resident);

        Button access = robot.lookup("#dossierAccess").queryButton();
        assertThat(access.isMnemonicParsing()).isTrue();
        assertThat(access.isFocusTraversable()).as("reachable with Tab").isTrue();
        press(robot, "#dossierAccess");
        FxWait.until(() -> Files.exists(target)
                && robot.lookup("#dossierMessage").queryAs(Label.class).getText().startsWith("Inzage opgeslagen"));

        String text;
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(target))) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Wat de gemeente over u heeft vastgelegd", resident.fullName(), resident.clientNumber(),
                "Dit overzicht komt van de laptop van uw coach.");
        assertThat(suggested).hasSize(1);
        assertThat(suggested.get(0)).startsWith("inzage-").endsWith(".pdf")
                .doesNotContain(resident.surname(), resident.givenName(), resident.clientNumber());
        assertThat(robot.lookup("#dossierMessage").queryAs(Label.class).getText()).isEqualTo("Inzage opgeslagen: inzage.pdf");
    }

    @Test
    void altISavesItFromTheKeyboard(FxRobot robot) {
        app.logIn(robot);
        openDossier(robot, demo.residents().get(3));

        robot.press(KeyCode.ALT, KeyCode.I).release(KeyCode.I, KeyCode.ALT);

        FxWait.until(() -> Files.exists(target));
    }
}
