package nl.groningen.keukentafel.app.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.session.AppOptions;
import nl.groningen.keukentafel.app.session.Keukentafel;
import nl.groningen.keukentafel.app.ui.FxBackgroundTasks;

/** The JavaFX application: opens the composition root and shows its scene. */
public final class KeukentafelApp extends Application {

    /**
     * When set, names a file the app appends {@code login_shown <epoch-ms>} to once the first screen
     * (the login) has been drawn: for the installers' start-up benchmark, which starts the installed
     * launcher and cannot reach into it otherwise.
     */
    static final String STARTUP_REPORT = "keukentafel.startup.report";

    /** The options {@link Main} read, handed over to the instance JavaFX makes (it takes a class, not an object). */
    private static volatile AppOptions launchOptions;

    private Keukentafel keukentafel;
    private FxBackgroundTasks tasks;

    /** Starts JavaFX with this app on {@code options} (read from {@code args}); returns when the app has closed. */
    public static void launch(AppOptions options, String[] args) {
        launchOptions = options;
        Application.launch(KeukentafelApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        AppOptions options = launchOptions != null ? launchOptions
                : Objects.requireNonNull(AppArguments.of(getParameters().getRaw().toArray(String[]::new)),
                        "not the app's own options: start it through Main");
        tasks = new FxBackgroundTasks();
        keukentafel = Keukentafel.open(options, Clock.system(ZoneId.of("Europe/Amsterdam")), tasks);
        stage.setTitle(keukentafel.messages().text("app.title"));
        stage.setScene(keukentafel.scene());
        stage.show();
        String report = System.getProperty(STARTUP_REPORT);
        if (report != null) {
            reportFirstFrame(stage.getScene(), Path.of(report));
        }
    }

    /**
     * Appends the time once the pulse that lays out and draws the scene's first root has run: a
     * post-layout listener sees the pulse after CSS and layout, and what it posts with runLater runs
     * after that pulse has handed its frame to the renderer. So the time is the login's first frame,
     * give or take the drawing of that one frame.
     */
    private static void reportFirstFrame(Scene scene, Path report) {
        boolean[] reported = {false};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (reported[0]) {
                return;
            }
            reported[0] = true;
            Platform.runLater(() -> {
                scene.removePostLayoutPulseListener(listener[0]);
                String line = "login_shown " + System.currentTimeMillis() + System.lineSeparator();
                try {
                    Files.writeString(report, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    System.err.println("Could not write the start-up report " + report + ": " + e);
                }
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    @Override
    public void stop() {
        if (keukentafel != null) {
            keukentafel.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
