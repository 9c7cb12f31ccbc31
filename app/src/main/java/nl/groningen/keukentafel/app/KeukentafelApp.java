package nl.groningen.keukentafel.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.ui.FxBackgroundTasks;

/** The JavaFX application: opens the composition root and shows its scene. */
public final class KeukentafelApp extends Application {

    /**
     * When set, names a file the app appends {@code login_shown <epoch-ms>} to once the first screen
     * (the login) has been drawn: for the installers' start-up benchmark, which starts the installed
     * launcher and cannot reach into it otherwise.
     */
    static final String STARTUP_REPORT = "keukentafel.startup.report";

    private Keukentafel keukentafel;
    private FxBackgroundTasks tasks;

    @Override
    public void start(Stage stage) {
        AppOptions options = Main.parse(getParameters().getRaw().toArray(String[]::new));
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
