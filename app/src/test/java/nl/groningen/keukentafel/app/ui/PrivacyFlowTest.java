package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.session.AppOptions;
import nl.groningen.keukentafel.app.ui.office.FilePicker;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.AccessExport;
import nl.groningen.keukentafel.contract.office.AuditEntry;
import nl.groningen.keukentafel.contract.office.ResidentSummary;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.http.SyncServer;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Inzage en wissen" against a real server, on SQLite and on PostgreSQL: an office admin finds a
 * resident by client number (Ctrl+5), sees who saw them (the search itself, in Dutch words and
 * Dutch time), and saves the right of access as JSON and as PDF; the trail then shows the export.
 */
@ExtendWith({ApplicationExtension.class, TestStores.class})
class PrivacyFlowTest {

    /** Where the test's inzage files go; removed after the test. */
    @org.junit.jupiter.api.io.TempDir
    Path exports;

    static final String ADMIN = "beheer";
    static final String ADMIN_PASSWORD = "beheer-wachtwoord";

    /** Closes the server after the app (extensions registered later close first). */
    @RegisterExtension
    @Order(1)
    final ServerUnderTest server = new ServerUnderTest();
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
    void anAdminSeesWhoSawAResidentAndSavesTheirAccessAsJsonAndPdf(StoreKind kind, TestStores stores, FxRobot robot)
            throws Exception {
        String code = server.start(stores, kind, clock, ADMIN, Role.ADMIN, ADMIN_PASSWORD);
        openOffice(robot, app, stage, server, code, clock, chosen, ADMIN, ADMIN_PASSWORD);
        Resident resident = server.demo().residents().get(2);

        openPrivacy(robot);
        ResidentSummary found = choose(robot, resident);
        assertThat(found.id()).isEqualTo(resident.id());
        TableView<AuditEntry> trail = robot.lookup("#privacyTrail").queryTableView();
        FxWait.until(() -> trail.getItems().stream().anyMatch(e -> e.action() == nl.groningen.keukentafel.contract.office.AuditAction.VIEWED));
        assertThat(FxWait.text(robot, "#privacyHeading"))
                .isEqualTo("Wie de gegevens van " + found.name() + " (" + resident.clientNumber() + ") heeft gezien of veranderd");
        int viewed = rowOf(trail, "Bekeken op het kantoor van de gemeente");
        assertThat(cell(trail, viewed, 0)).as("Dutch date and time").matches("\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}");
        assertThat(cell(trail, viewed, 1)).isEqualTo(ADMIN + " (Beheerder)");
        assertThat(cell(trail, viewed, 2)).as("the office PC").isEqualTo(server.store().accounts().devices().stream()
                .filter(d -> d.userName().equals(ADMIN)).findFirst().orElseThrow().name());
        assertThat(robot.lookup("#privacyErased").query().isVisible()).isFalse();
        Button erase = robot.lookup("#privacyErase").queryButton();
        assertThat(erase.isVisible()).as("an admin may erase").isTrue();

        // The machine-readable inzage: the contract's JSON, pretty, of this resident.
        Path folder = exports;
        Path json = folder.resolve("inzage.json");
        chosen.set(json);
        robot.clickOn("#privacyJson");
        FxWait.until(() -> FxWait.text(robot, "#privacyMessage").equals("Inzage opgeslagen in " + json.toAbsolutePath() + "."));
        String written = Files.readString(json);
        assertThat(written).contains("\n  \"resident\"");
        AccessExport export = Json.mapper().readValue(written, AccessExport.class);
        assertThat(export.resident().id()).isEqualTo(resident.id());
        assertThat(export.source()).isEqualTo(AccessExport.SERVER);
        FxWait.until(() -> trail.getItems().stream()
                .anyMatch(e -> e.action() == nl.groningen.keukentafel.contract.office.AuditAction.EXPORTED));
        assertThat(cell(trail, 0, 3)).as("newest first: the export just made").isEqualTo("Dit overzicht gemaakt");

        // The resident's own letter, in Dutch.
        Path pdf = folder.resolve("inzage.pdf");
        chosen.set(pdf);
        robot.clickOn("#privacyPdf");
        FxWait.until(() -> FxWait.text(robot, "#privacyMessage").equals("Inzage opgeslagen in " + pdf.toAbsolutePath() + "."));
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        String printed;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            printed = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(printed).contains("Wat de gemeente over u heeft vastgelegd", resident.fullName(),
                "Bekeken op het kantoor van de gemeente");
        assertThat(folder.toFile().list()).as("no half file left").containsExactlyInAnyOrder("inzage.json", "inzage.pdf");
    }

    /** Enrols the office PC as {@code user} and waits for the office window; saving goes to what {@code chosen} holds. */
    static void openOffice(FxRobot robot, AppUnderTest app, Stage stage, ServerUnderTest server, String code, Clock clock,
                           AtomicReference<Path> chosen, String user, String password) {
        robot.interact(() -> {
            app.show(stage, new AppOptions(app.dataFolder(), false, Locale.forLanguageTag("nl"), AppOptions.DEFAULT_LOCK_AFTER,
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
        });
        FxWait.until(() -> robot.lookup("#enrolView").tryQuery().isPresent());
        robot.clickOn("#enrolUser").write(user).type(KeyCode.TAB).write(password).type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#officeWindow").tryQuery().isPresent());
    }

    /** Ctrl+5: "Inzage en wissen", the search field focused. */
    static void openPrivacy(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        FxWait.until(() -> robot.lookup("#privacyView").tryQuery().isPresent()
                && robot.lookup("#privacyQuery").query().isFocused());
    }

    /** Types the client number, Enter, and chooses the one resident found by keyboard (Tab past Zoeken to the list). */
    static ResidentSummary choose(FxRobot robot, Resident resident) {
        robot.write(resident.clientNumber()).type(KeyCode.ENTER);
        TableView<ResidentSummary> residents = robot.lookup("#privacyResidents").queryTableView();
        FxWait.until(() -> residents.getItems().size() == 1);
        robot.type(KeyCode.TAB).type(KeyCode.TAB);
        FxWait.until(() -> residents.isFocused() && residents.getSelectionModel().getSelectedIndex() == 0);
        return residents.getItems().get(0);
    }

    static String cell(TableView<AuditEntry> table, int row, int column) {
        return (String) table.getColumns().get(column).getCellData(row);
    }

    static int rowOf(TableView<AuditEntry> table, String what) {
        for (int row = 0; row < table.getItems().size(); row++) {
            if (what.equals(cell(table, row, 3))) {
                return row;
            }
        }
        throw new AssertionError("No line \"" + what + "\" in the trail");
    }

    /** A real sync server with the demo data on the test's store, and office users; closed after the app. */
    static final class ServerUnderTest implements AfterEachCallback {
        private ServerStore store;
        private SyncServer http;
        private Dataset demo;

        /** Starts it with the demo coach (enrolled on "laptop-sanne") and {@code user}; the office PC's enrolment code. */
        String start(TestStores stores, StoreKind kind, Clock clock, String user, Role role, String password) {
            demo = DemoProfile.dataset(clock);
            store = ServerStore.open(stores.fresh(kind));
            store.importDataset(demo);
            store.accounts().createUser(DemoProfile.USER, Role.COACH, demo.coaches().get(0).id(), DemoProfile.PASSWORD.toCharArray());
            String coachCode = store.accounts().createEnrolmentCode(DemoProfile.USER, Duration.ofHours(1), Instant.now());
            store.accounts().enrol(DemoProfile.USER, DemoProfile.PASSWORD.toCharArray(), coachCode, "laptop-sanne", Instant.now());
            store.accounts().createUser(user, role, null, password.toCharArray());
            http = new SyncServer(store, Clock.systemUTC()).start("127.0.0.1", 0);
            return store.accounts().createEnrolmentCode(user, Duration.ofHours(1), Instant.now());
        }

        /** Another office user of the same server, with an enrolment code of their own. */
        String user(String user, Role role, String password) {
            store.accounts().createUser(user, role, null, password.toCharArray());
            return store.accounts().createEnrolmentCode(user, Duration.ofHours(1), Instant.now());
        }

        ServerStore store() {
            return store;
        }

        Dataset demo() {
            return demo;
        }

        String url() {
            return "http://127.0.0.1:" + http.port();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (http != null) {
                http.close();
            }
            if (store != null) {
                store.close();
            }
        }
    }
}
