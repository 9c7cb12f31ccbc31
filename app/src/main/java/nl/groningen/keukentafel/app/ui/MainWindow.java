package nl.groningen.keukentafel.app.ui;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import nl.groningen.keukentafel.app.ui.caseload.CaseloadView;

/** The app's main window content: a header with who is working, the screen, a status bar. */
public final class MainWindow {

    private final BorderPane root = new BorderPane();

    public MainWindow(Messages messages, String coachName, String statusText, CaseloadView caseload) {
        Label appName = new Label(messages.text("app.name"));
        appName.getStyleClass().add("app-name");
        Label coach = new Label(coachName == null ? "" : messages.text("header.coach", coachName));
        coach.setId("coachName");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, appName, spacer, coach);
        header.getStyleClass().add("header");
        header.setPadding(new Insets(8, 12, 8, 12));

        Label status = new Label(statusText);
        status.setId("statusBar");
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(4, 12, 4, 12));

        root.setTop(header);
        root.setCenter(caseload);
        root.setBottom(statusBar);
        root.getStylesheets().add(MainWindow.class.getResource("keukentafel.css").toExternalForm());
    }

    public Parent root() {
        return root;
    }
}
