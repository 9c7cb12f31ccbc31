package nl.groningen.keukentafel.app;

import java.time.Clock;
import javafx.application.Application;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.ui.FxBackgroundTasks;

/** The JavaFX application: opens the composition root and shows its main window. */
public final class KeukentafelApp extends Application {

    private Keukentafel keukentafel;
    private FxBackgroundTasks tasks;

    @Override
    public void start(Stage stage) {
        AppOptions options = Main.parse(getParameters().getRaw().toArray(String[]::new));
        keukentafel = Keukentafel.open(options, Clock.systemDefaultZone());
        tasks = new FxBackgroundTasks();
        stage.setTitle(keukentafel.messages().text("app.title"));
        stage.setScene(keukentafel.mainScene(tasks));
        stage.show();
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
        if (keukentafel != null) {
            keukentafel.close();
        }
    }
}
