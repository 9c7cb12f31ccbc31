package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.session.AppOptions;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.profile.Profiles;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.app.ui.office.FilePicker;
import nl.groningen.keukentafel.app.ui.office.ReportTables;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.office.CoachSummary;
import nl.groningen.keukentafel.contract.office.DeviceSummary;
import nl.groningen.keukentafel.contract.office.ImportProblem;
import nl.groningen.keukentafel.contract.office.ReportFigures;
import nl.groningen.keukentafel.contract.office.ReportScope;
import nl.groningen.keukentafel.contract.office.ResidentSummary;
import nl.groningen.keukentafel.server.storage.Reports;
import nl.groningen.keukentafel.server.storage.ServerStore;
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
 * The office at work, against a real server: an office PC enrols with its one-time code and opens
 * the office screens; a caseload file with one bad line shows that line and why and stores nothing;
 * the corrected file is imported; ten residents move to another coach, whose laptop pulls them; a
 * coach's laptop is revoked; the figures show what the server counts, and export as PDF and CSV; a new user gets an enrolment code shown once. Offline, the status line
 * says so; a new coach gets a user and an enrolment code. Afterwards nothing of any resident is on the office PC's disk.
 */
@ExtendWith(ApplicationExtension.class)
class OfficeFlowTest {

    private static final String OFFICE_USER = "kantoor";
    private static final String OFFICE_PASSWORD = "kantoor-wachtwoord";
    private static final String HEADER = "client_number,first_name,last_name,street,house_number,postcode,wijk,coach,left_group_on\n";
    private static final int ROWS = 12;

    @RegisterExtension
    final AppUnderTest app = new AppUnderTest();
    private final Path dataFolder = app.dataFolder();
    private final TestClock clock = AppUnderTest.morningClock();
    private final AtomicReference<Path> chosen = new AtomicReference<>();
    private DemoSyncServer server;
    private ServerStore store;
    private Coach otherCoach;
    private Path csv;

    @Start
    void start(Stage stage) throws Exception {
        server = app.startServer(clock);
        store = server.store();
        otherCoach = store.coaches().add("Femke Proef", "Zuid");
        String code = server.officeUser(OFFICE_USER, OFFICE_PASSWORD);
        // The demo coach's laptop, enrolled, so the office has one to revoke.
        store.accounts().enrol(DemoProfile.USER, DemoProfile.PASSWORD.toCharArray(), server.code(), "laptop-sanne", Instant.now());
        csv = Files.createTempFile(dataFolder.getParent(), "caseload", ".csv");
        app.show(stage, new AppOptions(dataFolder, false, Locale.forLanguageTag("nl"), AppOptions.DEFAULT_LOCK_AFTER,
                server.url(), code), clock);
        app.keukentafel().pickFilesWith(new FilePicker() {
            @Override
            public Path open(javafx.stage.Window owner, String title, String filterName, String pattern) {
                return chosen.get();
            }

            @Override
            public Path save(javafx.stage.Window owner, String title, String suggestedName, String filterName, String pattern) {
                return chosen.get();
            }
        });
    }

    @Test
    void theOfficeImportsAssignsAndRevokesAndKeepsNothingOfAResident(FxRobot robot) throws Exception {
        enrolAsOffice(robot);

        // A file with one bad line: that line, its column and why; nothing stored, nothing to confirm.
        write(csv, 3);
        chosen.set(csv);
        robot.clickOn("#importChoose");
        TableView<ImportProblem> problems = robot.lookup("#importProblems").queryTableView();
        FxWait.until(() -> !problems.getItems().isEmpty());
        assertThat(problems.getItems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo("postcode");
            assertThat(p.message()).contains("geen geldige postcode");
        });
        assertThat(FxWait.text(robot, "#importSummary")).contains("1 problemen gevonden", "Er is niets opgeslagen");
        assertThat(robot.lookup("#importConfirm").query().isDisabled()).isTrue();
        assertThat(imported().total()).isZero();

        // Corrected: every row previewed, imported once the office confirms.
        write(csv, 0);
        robot.clickOn("#importChoose");
        FxWait.until(() -> robot.lookup("#importRows").queryTableView().getItems().size() == ROWS
                && !robot.lookup("#importConfirm").query().isDisabled());
        assertThat(problems.getItems()).isEmpty();
        assertThat(imported().total()).as("nothing stored before confirming").isZero();
        robot.clickOn("#importConfirm");
        answer(robot, "#importQuestion", KeyCode.I, ROWS + " inwoners importeren?");
        FxWait.until(() -> FxWait.text(robot, "#importSummary").startsWith("Geïmporteerd: " + ROWS + " nieuw"));
        assertThat(FxWait.text(robot, "#importSummary")).contains("2 inwoners uit de groep gemeld");
        assertThat(imported().total()).isEqualTo(ROWS);

        // Ten of them to another coach: the confirmation says how many and to whom.
        robot.clickOn("#navAssign");
        FxWait.until(() -> robot.lookup("#assignView").tryQuery().isPresent());
        robot.clickOn("#assignQuery").write("KT99").type(KeyCode.ENTER);
        TableView<ResidentSummary> residents = robot.lookup("#residentsTable").queryTableView();
        FxWait.until(() -> residents.getItems().size() == ROWS);
        ComboBox<CoachSummary> target = robot.lookup("#assignTarget").queryComboBox();
        FxWait.until(() -> target.getItems().stream().anyMatch(c -> c.id().equals(otherCoach.id())));
        robot.interact(() -> {
            residents.getSelectionModel().selectRange(0, 10);
            target.setValue(target.getItems().stream().filter(c -> c.id().equals(otherCoach.id())).findFirst().orElseThrow());
        });
        List<UUID> moved = residents.getSelectionModel().getSelectedItems().stream().map(ResidentSummary::id).toList();
        robot.clickOn("#assignButton");
        answer(robot, "#assignQuestion", KeyCode.T, "10 inwoners toewijzen aan " + otherCoach.name());
        FxWait.until(() -> FxWait.text(robot, "#assignMessage").startsWith("10 inwoners toegewezen aan " + otherCoach.name()));
        assertThat(store.pull(otherCoach.id(), 0, 100_000).changes()).extracting(c -> c.recordId())
                .as("the other coach's laptop pulls them at its next sync").containsAll(moved);

        // The demo coach's laptop is revoked.
        robot.clickOn("#navDevices");
        TableView<DeviceSummary> devices = robot.lookup("#devicesTable").queryTableView();
        FxWait.until(() -> devices.getItems().size() == 2);
        robot.interact(() -> devices.getSelectionModel().select(
                devices.getItems().stream().filter(d -> d.name().equals("laptop-sanne")).findFirst().orElseThrow()));
        robot.clickOn("#revokeDevice");
        answer(robot, "#revokeQuestion", KeyCode.I, "Laptop laptop-sanne van sanne intrekken?");
        FxWait.until(() -> FxWait.text(robot, "#devicesMessage").equals("Laptop laptop-sanne is ingetrokken."));
        assertThat(store.accounts().devices()).filteredOn(d -> d.name().equals("laptop-sanne"))
                .singleElement().satisfies(d -> assertThat(d.revokedAt()).isNotNull());
        FxWait.until(() -> devices.getItems().stream().anyMatch(d -> d.revokedAt() != null));

        // The figures, as the server counts them; exported as PDF and CSV (saved outside the office PC's data folder).
        robot.clickOn("#navReports");
        FxWait.until(() -> robot.lookup("#table-reach").tryQuery().isPresent());
        ReportFigures counted = new Reports(store).figures(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 22), ReportScope.city(),
                LocalDate.now(ZoneId.of("Europe/Amsterdam")));
        assertThat(counted.reach().inGroup()).isGreaterThan(ROWS);
        TableView<ReportTables.Row> reach = robot.lookup("#table-reach").queryTableView();
        assertThat(cellText(reach, 0, 1)).isEqualTo(dutch(counted.reach().inGroup()));
        assertThat(cellText(reach, 1, 1)).isEqualTo(dutch(counted.reach().spoken()));
        assertThat(cellText(reach, 1, 2)).isEqualTo(counted.reach().spokenPct() + "%");
        assertThat(robot.lookup("#chart-reach").tryQuery()).isPresent();
        assertThat(FxWait.text(robot, "#reportHeading")).startsWith("Van 01-01-2026 tot en met 22-11-2026, voor de hele stad.");

        Path pdf = dataFolder.getParent().resolve("cijfers.pdf");
        chosen.set(pdf);
        robot.clickOn("#reportPdf");
        FxWait.until(() -> FxWait.text(robot, "#reportMessage").equals("cijfers.pdf is opgeslagen."));
        String printed;
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            printed = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(printed).contains("Keukentafel: cijfers", "Bereik: waar iedereen in de groep nu staat",
                "In de groep (nu) " + dutch(counted.reach().inGroup()), "staan hier als „< 5”");
        Path exported = dataFolder.getParent().resolve("cijfers.csv");
        chosen.set(exported);
        robot.clickOn("#reportCsv");
        FxWait.until(() -> FxWait.text(robot, "#reportMessage").equals("cijfers.csv is opgeslagen."));
        assertThat(Files.readString(exported)).startsWith("# Keukentafel, cijfers van 2026-01-01 tot en met 2026-11-22")
                .contains("bereik;in_group;In de groep (nu);;" + counted.reach().inGroup() + ";");

        // Offline: the status line says so, plainly.
        robot.interact(server::stop);
        robot.type(KeyCode.F5);
        FxWait.until(() -> FxWait.text(robot, "#officeStatus").startsWith("De server is niet bereikbaar."));

        // Nothing of the residents the office saw is on its disk: not in any file, not in its profile.
        List<String> secrets = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            secrets.add(clientNumber(i));
            secrets.add(surname(i));
        }
        assertThat(filesUnder(dataFolder)).isNotEmpty().allSatisfy(file -> {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(secrets).noneMatch(bytes::contains);
        });
        try (LocalStore profile = LocalStore.unlock(new Profiles(dataFolder).fileOf(OFFICE_USER), OFFICE_PASSWORD.toCharArray())) {
            assertThat(profile.sealedRecords().residents()).isEmpty();
            assertThat(profile.outbox().waiting()).isZero();
            assertThat(profile.syncState().enrolment()).isPresent();
        }
    }

    @Test
    void aNewCoachAndTheirUserGetAnEnrolmentCodeShownOnceThatEnrolsTheirLaptop(FxRobot robot) throws Exception {
        enrolAsOffice(robot);
        robot.clickOn("#navDevices");
        FxWait.until(() -> !robot.lookup("#devicesTable").queryTableView().getItems().isEmpty());

        // A coach new to the municipality: name and area (an area the office knows, typed in lower case).
        robot.clickOn("#newCoach");
        FxWait.until(() -> robot.lookup("#newCoachDialog").tryQuery().isPresent());
        robot.targetWindow(robot.lookup("#newCoachDialog").query().getScene().getWindow());
        robot.write("Jeroen Oefenaar").type(KeyCode.ENTER);
        FxWait.until(() -> FxWait.text(robot, "#newCoachProblem").startsWith("Vul de naam"));
        robot.clickOn("#newCoachArea").write("zuid").type(KeyCode.ENTER);
        FxWait.until(() -> FxWait.text(robot, "#devicesMessage").startsWith("Coach Jeroen Oefenaar (Zuid) is toegevoegd."));
        UUID newCoach = store.coaches().list().stream().filter(c -> c.name().equals("Jeroen Oefenaar")).findFirst()
                .orElseThrow().id();
        FxWait.until(() -> robot.lookup("#newCoachDialog").tryQuery().isEmpty());

        robot.targetWindow(robot.lookup("#officeWindow").query().getScene().getWindow());
        robot.clickOn("#newUser");
        FxWait.until(() -> robot.lookup("#newUserDialog").tryQuery().isPresent());
        robot.targetWindow(robot.lookup("#newUserDialog").query().getScene().getWindow());
        ComboBox<CoachSummary> coach = robot.lookup("#newUserCoach").queryComboBox();
        FxWait.until(() -> coach.getItems().stream().anyMatch(c -> c.id().equals(newCoach)));
        robot.interact(() -> coach.setValue(coach.getItems().stream().filter(c -> c.id().equals(newCoach)).findFirst()
                .orElseThrow()));
        robot.clickOn("#newUserName").write("femke");
        robot.clickOn("#newUserPassword").write("kort");
        robot.clickOn("#newUserPasswordAgain").write("kort").type(KeyCode.ENTER);
        FxWait.until(() -> FxWait.text(robot, "#newUserProblem").equals("Een wachtwoord heeft minstens 10 tekens."));
        robot.clickOn("#newUserPassword").eraseText(4).write("femke-wachtwoord");
        robot.clickOn("#newUserPasswordAgain").eraseText(4).write("femke-wachtwoord").type(KeyCode.ENTER);

        FxWait.until(() -> robot.lookup("#enrolmentCodeDialog").tryQuery().isPresent());
        assertThat(FxWait.text(robot, "#devicesMessage")).startsWith("Gebruiker femke (Coach) is aangemaakt.");
        robot.targetWindow(robot.lookup("#enrolmentCodeDialog").query().getScene().getWindow());
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#enrolmentCodeShown").tryQuery().isPresent());
        String code = robot.lookup("#enrolmentCodeText").queryAs(Label.class).getText();
        assertThat(code).matches("[A-Z0-9]{4}(-[A-Z0-9]{4})+");
        assertThat(robot.lookup("#enrolmentCodeText").queryAs(Label.class).getFont().getSize()).isGreaterThanOrEqualTo(24);
        assertThat(FxWait.text(robot, "#devicesMessage")).startsWith("Inschrijfcode voor femke gemaakt, geldig tot ")
                .doesNotContain(code);
        robot.targetWindow(robot.lookup("#enrolmentCodeShown").query().getScene().getWindow());
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#enrolmentCodeShown").tryQuery().isEmpty());

        // The code works once, for femke, with her password.
        assertThat(store.accounts().enrol("femke", "femke-wachtwoord".toCharArray(), code, "laptop-femke", Instant.now()))
                .isNotNull();
        assertThat(store.accounts().coachOf("femke")).contains(newCoach);
    }

    private static String cellText(TableView<ReportTables.Row> table, int row, int column) {
        return (String) table.getColumns().get(column).getCellData(row);
    }

    private static String dutch(int count) {
        return java.text.NumberFormat.getIntegerInstance(Locale.forLanguageTag("nl-NL")).format(count);
    }

    private void enrolAsOffice(FxRobot robot) {
        FxWait.until(() -> robot.lookup("#enrolView").tryQuery().isPresent());
        robot.clickOn("#enrolUser").write(OFFICE_USER).type(KeyCode.TAB).write(OFFICE_PASSWORD).type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#officeWindow").tryQuery().isPresent());
        assertThat(FxWait.text(robot, "#officeUser")).isEqualTo("Kantoor: " + OFFICE_USER);
        assertThat(FxWait.text(robot, "#officeStatus")).isEqualTo("Verbonden met de server");
    }

    /** Answers a confirmation with its mnemonic (the deliberate answer; Enter would keep things as they are). */
    private static void answer(FxRobot robot, String dialog, KeyCode mnemonic, String questionStart) {
        FxWait.until(() -> robot.lookup(dialog).tryQuery().isPresent());
        DialogPane pane = robot.lookup(dialog).queryAs(DialogPane.class);
        assertThat(pane.getContentText()).startsWith(questionStart);
        robot.targetWindow(pane.getScene().getWindow());
        robot.press(KeyCode.ALT, mnemonic).release(mnemonic, KeyCode.ALT);
        FxWait.until(() -> robot.lookup(dialog).tryQuery().isEmpty());
    }

    private nl.groningen.keukentafel.contract.office.ResidentPage imported() {
        return store.officeResidents().search("KT99", null, null, 0, 100);
    }

    /** The caseload file, all rows for the demo coach; {@code badRow} (1-based, 0 for none) has a postcode that is none. */
    private static void write(Path file, int badRow) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 1; i <= ROWS; i++) {
            text.append(clientNumber(i)).append(",Tjitske,").append(surname(i)).append(",Proefstraat,").append(i)
                    .append(i == badRow ? ",97X2 AB" : ",9712 AB").append(",Centrum,").append(DemoProfile.USER)
                    .append(i <= 2 ? ",01-10-2026" : ",").append('\n'); // the first two left the group
        }
        Files.writeString(file, text.toString());
    }

    private static String clientNumber(int i) {
        return String.format("KT99%05d", i);
    }

    private static String surname(int i) {
        return "Kantoorstra" + (char) ('a' + i);
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
