package nl.groningen.keukentafel.app;

import java.time.Clock;
import java.time.ZoneId;
import javafx.application.Application;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.ui.FxBackgroundTasks;

/** The JavaFX application: opens the composition root and shows its scene. */
public final class KeukentafelApp extends Application {

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
