package nl.groningen.keukentafel.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.session.AppOptions;
import nl.groningen.keukentafel.app.session.Keukentafel;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;

/**
 * The real app (composition root, encrypted store, background thread) in a TestFX test's stage, in
 * Dutch, and closed after each test, with a real sync server when the test starts one. The toolkit runs headless through Monocle (the surefire
 * configuration sets the system properties); TestFX's {@code ApplicationExtension} starts it and
 * hands over the stage:
 * <pre>
 * &#64;ExtendWith(ApplicationExtension.class)
 * class SomeScreenTest {
 *     &#64;RegisterExtension
 *     final AppUnderTest app = new AppUnderTest();
 *
 *     &#64;Start
 *     void start(Stage stage) {
 *         app.show(stage, AppUnderTest.options(app.dataFolder(), true, Duration.ofMinutes(5)), AppUnderTest.morningClock());
 *     }
 * }
 * </pre>
 */
public final class AppUnderTest implements AfterEachCallback {

    private final Path folder;
    private final Path dataFolder;
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    private Stage stage;
    private Clock clock;
    private Keukentafel keukentafel;
    private DemoSyncServer server;

    /** A fresh laptop for each test: an empty data folder of its own, removed after the test. */
    public AppUnderTest() {
        try {
            folder = Files.createTempDirectory("keukentafel-ui-test");
            dataFolder = Files.createDirectory(folder.resolve("laptop"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test's morning: Sunday 22 November 2026, 09:00 in Groningen, on a clock the test moves by hand. */
    public static TestClock morningClock() {
        return new TestClock(Instant.parse("2026-11-22T08:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    }

    /** The laptop's data folder (the app's profiles, settings and encrypted stores). */
    public Path dataFolder() {
        return dataFolder;
    }

    /** The app's options for a test: Dutch, no server. */
    public static AppOptions options(Path dataFolder, boolean demo, Duration lockAfter) {
        return new AppOptions(dataFolder, demo, Locale.forLanguageTag("nl"), lockAfter);
    }

    /** The app's options for a test: Dutch, with the server and enrolment code as IT preconfigures them. */
    public static AppOptions options(Path dataFolder, boolean demo, DemoSyncServer server) {
        return new AppOptions(dataFolder, demo, Locale.forLanguageTag("nl"), Duration.ofMinutes(5), server.url(), server.code());
    }

    /**
     * Starts a sync server with the demo data (made on {@code demoClock}) for the app to enrol with,
     * before {@link #show}; its database is beside the laptop's data folder. Stopped after the
     * test, once the app is closed.
     */
    public DemoSyncServer startServer(Clock demoClock) throws Exception {
        server = new DemoSyncServer(folder, demoClock);
        return server;
    }

    /** Opens the app and shows it in the stage (call it from the test's {@code @Start}). */
    public void show(Stage shownIn, AppOptions options, Clock appClock) {
        this.stage = shownIn;
        this.clock = appClock;
        keukentafel = Keukentafel.open(options, clock, tasks);
        stage.setScene(keukentafel.scene());
        stage.show();
    }

    /** Closes the app and starts it again in the same stage, as the next start of the laptop (on the UI thread). */
    public void restart(AppOptions options) {
        keukentafel.close();
        keukentafel = Keukentafel.open(options, clock, tasks);
        stage.setScene(keukentafel.scene());
    }

    /** Logs in as the demo coach, and waits for Vandaag. */
    public void logIn(FxRobot robot) {
        robot.clickOn("#loginPassword").write(DemoProfile.PASSWORD).type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#todayView").tryQuery().isPresent());
    }

    public Keukentafel keukentafel() {
        return keukentafel;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (keukentafel != null) {
            keukentafel.close();
        }
        tasks.close();
        if (server != null) {
            server.close();
        }
        removeFolder(3);
    }

    /**
     * Removes the test's folder. The store closes in the background after the app does, and SQLite
     * removes its -wal and -shm files as it closes: a file gone during the walk is walked again.
     */
    private void removeFolder(int attempts) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof java.nio.file.NoSuchFileException) || attempts <= 1) {
                throw e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            removeFolder(attempts - 1);
        }
    }
}
