package nl.groningen.keukentafel.app.ui.office;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.Theme;

/**
 * The office's window: a header with the user and the lock, the office screens on the left
 * (Caseload importeren, Toewijzen, Laptops en gebruikers, Cijfers, Inzage en wissen; Ctrl+1..5),
 * the screen in view, and a status line that says when the server cannot be reached. Everything on
 * it comes from the server and stays in memory.
 */
public final class OfficeWindow {

    private final BorderPane root = new BorderPane();
    /** Wide enough for the longest screen name with its key ("Laptops en gebruikers (Ctrl+3)"; English "Access and erasure (Ctrl+5)"). */
    private static final double NAV_WIDTH = 250;

    private final ToggleGroup screens = new ToggleGroup();
    private final OfficeSession session;
    private final CaseloadImportView importView;
    private final AssignView assignView;
    private final AssignViewModel assignModel;
    private final DevicesView devicesView;
    private final DevicesViewModel devicesModel;
    private final ReportsView reportsView;
    private final ReportsViewModel reportsModel;
    private final PrivacyView privacyView;
    private final PrivacyViewModel privacyModel;
    private final ToggleButton importButton;
    private final ToggleButton assignButton;
    private final ToggleButton devicesButton;
    private final ToggleButton reportsButton;
    private final ToggleButton privacyButton;
    private Runnable refreshShown = () -> { };

    public OfficeWindow(OfficeSession session, FilePicker files, Runnable lockNow) {
        this.session = session;
        Messages messages = session.messages();
        CaseloadImportViewModel importModel = new CaseloadImportViewModel(session);
        importView = new CaseloadImportView(importModel, messages, files);
        assignModel = new AssignViewModel(session);
        assignView = new AssignView(assignModel);
        devicesModel = new DevicesViewModel(session);
        devicesView = new DevicesView(devicesModel);
        reportsModel = new ReportsViewModel(session);
        reportsView = new ReportsView(reportsModel, messages, files);
        privacyModel = new PrivacyViewModel(session);
        privacyView = new PrivacyView(privacyModel, files);
        importModel.onImported(assignModel::refreshCoaches);

        Label appName = new Label(messages.text("app.name"));
        appName.getStyleClass().add("app-name");
        Label office = new Label(messages.text("office.header", session.userName()));
        office.setId("officeUser");
        Button lock = new Button(messages.text("header.lock"));
        lock.setId("lockButton");
        lock.setOnAction(e -> lockNow.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, appName, spacer, office, lock);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");
        header.setPadding(new Insets(8, 12, 8, 12));

        importButton = navButton("navImport", messages.text("office.nav.import"), this::showImport);
        assignButton = navButton("navAssign", messages.text("office.nav.assign"), this::showAssign);
        devicesButton = navButton("navDevices", messages.text("office.nav.devices"), this::showDevices);
        reportsButton = navButton("navReports", messages.text("office.nav.reports"), this::showReports);
        privacyButton = navButton("navPrivacy", messages.text("office.nav.privacy"), this::showPrivacy);
        Label keys = new Label(messages.text("office.nav.keys"));
        keys.setWrapText(true);
        keys.setMaxWidth(NAV_WIDTH - 16);
        VBox nav = new VBox(4, importButton, assignButton, devicesButton, reportsButton, privacyButton, keys);
        nav.getStyleClass().add("nav");
        nav.setPrefWidth(NAV_WIDTH);
        nav.setMaxWidth(NAV_WIDTH);
        nav.setPadding(new Insets(12, 8, 12, 8));

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(session.busyProperty());
        Label status = new Label();
        status.setId("officeStatus");
        // Red only for a problem (offline, refused); "Verbonden met de server" is plain.
        session.statusProperty().addListener((o, old, now) -> {
            status.getStyleClass().remove("status-problem");
            if (!now.isEmpty()) {
                status.getStyleClass().add("status-problem");
            }
        });
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> session.statusProperty().get().isEmpty()
                ? (session.busyProperty().get() ? messages.text("office.status.busy") : messages.text("office.status.online"))
                : session.statusProperty().get(), session.statusProperty(), session.busyProperty()));
        HBox statusBar = new HBox(8, busy, status);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(4, 12, 4, 12));

        root.setId("officeWindow");
        root.setTop(header);
        root.setLeft(nav);
        root.setBottom(statusBar);
        root.getStylesheets().add(Theme.appStyleSheet());
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), this::showImport);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), this::showAssign);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN), this::showDevices);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN), this::showReports);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN), this::showPrivacy);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), lockNow);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseFile);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> refreshShown.run());
            }
        });
        showImport();
    }

    public Parent root() {
        return root;
    }

    public void showImport() {
        show(importButton, importView, () -> { });
        Platform.runLater(importView::focusFirst);
    }

    public void showAssign() {
        show(assignButton, assignView, () -> {
            assignModel.refreshCoaches();
            assignModel.search();
        });
        Platform.runLater(assignView::focusFirst);
    }

    public void showDevices() {
        show(devicesButton, devicesView, devicesModel::refresh);
        Platform.runLater(devicesView::focusFirst);
    }

    public void showReports() {
        show(reportsButton, reportsView, reportsModel::refresh);
        Platform.runLater(reportsView::focusFirst);
    }

    public void showPrivacy() {
        show(privacyButton, privacyView, privacyModel::refresh);
        Platform.runLater(privacyView::focusFirst);
    }

    /** Ctrl+O: a caseload file, from any office screen. */
    private void chooseFile() {
        showImport();
        importView.chooseFile();
    }

    /** Shows a screen with fresh figures from the server; F5 fetches them again. */
    private void show(ToggleButton button, Node screen, Runnable refresh) {
        button.setSelected(true);
        root.setCenter(screen);
        refreshShown = refresh;
        refresh.run();
    }

    private ToggleButton navButton(String id, String text, Runnable action) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setToggleGroup(screens);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setOnAction(e -> {
            action.run();
            button.setSelected(true);
        });
        return button;
    }

    /** The session this window shows (its server session lapses on its own after 30 minutes unused). */
    public OfficeSession session() {
        return session;
    }
}
