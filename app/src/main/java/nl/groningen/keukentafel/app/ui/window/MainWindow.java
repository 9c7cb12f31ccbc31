package nl.groningen.keukentafel.app.ui.window;

import java.util.List;
import java.util.UUID;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
import nl.groningen.keukentafel.app.print.PlanPrinter;
import nl.groningen.keukentafel.app.ui.office.FilePicker;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.Navigator;
import nl.groningen.keukentafel.app.ui.SaveTimer;
import nl.groningen.keukentafel.app.ui.Theme;
import nl.groningen.keukentafel.app.ui.caseload.CaseloadView;
import nl.groningen.keukentafel.app.ui.caseload.CaseloadViewModel;
import nl.groningen.keukentafel.app.ui.conflicts.ConflictsView;
import nl.groningen.keukentafel.app.ui.conflicts.ConflictsViewModel;
import nl.groningen.keukentafel.app.ui.conversation.ConversationView;
import nl.groningen.keukentafel.app.ui.conversation.ConversationViewModel;
import nl.groningen.keukentafel.app.ui.dossier.DossierView;
import nl.groningen.keukentafel.app.ui.dossier.DossierViewModel;
import nl.groningen.keukentafel.app.ui.followup.OpenItemsView;
import nl.groningen.keukentafel.app.ui.followup.OpenItemsViewModel;
import nl.groningen.keukentafel.app.ui.socialmap.SocialMapView;
import nl.groningen.keukentafel.app.ui.socialmap.SocialMapViewModel;
import nl.groningen.keukentafel.app.ui.sync.SyncBar;
import nl.groningen.keukentafel.app.ui.sync.SyncStatus;
import nl.groningen.keukentafel.app.ui.today.TodayView;
import nl.groningen.keukentafel.app.ui.today.TodayViewModel;

/**
 * The main window of an unlocked session: header with the coach and the lock button, the screens
 * (Vandaag, Caseload, Sociale kaart, Openstaand; Ctrl+1..3 and Ctrl+5), the screen in view, a status bar.
 */
public final class MainWindow implements Navigator {

    private final CoachSession session;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final ToggleGroup screens = new ToggleGroup();
    private final ToggleButton today;
    private final ToggleButton caseload;
    private final ToggleButton socialMap;
    private final ToggleButton openItems;
    private final ToggleButton conflicts;
    private final SyncStatus sync;
    private final SaveTimer.Factory saveTimers;
    private final PlanPrinter printer;
    private final FilePicker files;
    private Runnable current = () -> { };
    /** How to come back to the screen in view, in a window of the same session after an unlock. */
    private java.util.function.Consumer<MainWindow> place = MainWindow::showToday;
    private final CaseloadViewModel caseloadModel;
    private ConversationViewModel openConversation;
    private int navigation;
    /** The resident whose dossier or conversation was open last: the Sociale kaart's actions are for them. */
    private UUID lastResident;

    /** {@code saveTimers} makes the conversation form's save-as-you-type timers; {@code printer} prints the dossier's plan. */
    public MainWindow(CoachSession session, SyncStatus sync, String statusText, Runnable lockNow, SaveTimer.Factory saveTimers,
                      PlanPrinter printer) {
        this(session, sync, statusText, lockNow, saveTimers, printer, FilePicker.system());
    }

    /** {@code files} asks where the dossier saves a resident's access overview. */
    public MainWindow(CoachSession session, SyncStatus sync, String statusText, Runnable lockNow, SaveTimer.Factory saveTimers,
                      PlanPrinter printer, FilePicker files) {
        this.files = files;
        this.session = session;
        this.printer = printer;
        this.saveTimers = saveTimers;
        this.sync = sync;
        this.messages = session.messages();
        this.caseloadModel = new CaseloadViewModel(session, this);

        Label appName = new Label(messages.text("app.name"));
        appName.getStyleClass().add("app-name");
        Label coach = new Label(messages.text("header.coach", session.coach().name()));
        coach.setId("coachName");
        Button lock = new Button(messages.text("header.lock"));
        lock.setId("lockButton");
        lock.setOnAction(e -> lockNow.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, appName, spacer, coach, lock);
        header.getStyleClass().add("header");
        header.setPadding(new Insets(8, 12, 8, 12));

        today = navButton("navToday", messages.text("nav.today"), this::showToday);
        caseload = navButton("navCaseload", messages.text("nav.caseload"), this::showCaseload);
        socialMap = navButton("navSocialMap", messages.text("nav.socialMap"), this::showSocialMap);
        openItems = navButton("navOpenItems", messages.text("nav.openItems"), this::showOpenItems);
        conflicts = navButton("navConflicts", messages.text("nav.conflicts"), this::showConflicts);
        conflicts.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> sync.conflicts().isEmpty()
                ? messages.text("nav.conflicts") : messages.text("nav.conflictsCount", sync.conflicts().size()), sync.conflicts()));
        conflicts.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(sync.conflicts()));
        conflicts.managedProperty().bind(conflicts.visibleProperty());
        VBox nav = new VBox(4, today, caseload, socialMap, openItems, conflicts);
        nav.getStyleClass().add("nav");
        nav.setPadding(new Insets(12, 8, 12, 8));

        SyncBar statusBar = new SyncBar(sync, messages, statusText, session.zone());

        root.setTop(header);
        root.setLeft(nav);
        root.setBottom(statusBar);
        root.getStylesheets().add(Theme.appStyleSheet());
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), this::showToday);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), this::showCaseload);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN), this::showSocialMap);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN), this::showConflicts);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN), this::showOpenItems);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), lockNow);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), sync::syncNow);
            }
        });
        showToday();
    }

    /**
     * The screen in view, to come back to: applied to the window of the next unlock, it shows the
     * same screen (the same dossier, the conversation with its draft as saved at the lock), or the
     * caseload if that resident is no longer in it.
     */
    public java.util.function.Consumer<MainWindow> place() {
        return place;
    }

    /** Shows the screen {@link #place()} gave, in this window. */
    public void resume(java.util.function.Consumer<MainWindow> at) {
        at.accept(this);
    }

    /**
     * Runs {@code focusing} once {@code node}'s window has the focus. Just after a dialog closed it
     * has not yet: when it gets it back, JavaFX gives the focus to the window's first control
     * (the lock button) if the one that had it is gone, which would undo a focus set before.
     */
    private static void onceWindowFocused(Node node, Runnable focusing) {
        javafx.stage.Window window = node.getScene() == null ? null : node.getScene().getWindow();
        if (window == null || window.isFocused()) {
            focusing.run();
            return;
        }
        javafx.beans.value.ChangeListener<Boolean> listener = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean focused) {
                if (focused) {
                    window.focusedProperty().removeListener(this);
                    Platform.runLater(focusing);
                }
            }
        };
        window.focusedProperty().addListener(listener);
    }

    private void showIfInCaseload(UUID residentId, Runnable show) {
        if (session.caseload().resident(residentId).isPresent()) {
            show.run();
        } else {
            showCaseload();
        }
    }

    public Parent root() {
        return root;
    }

    /**
     * Runs {@code action} once the screen in view has been laid out and drawn, whichever screen that
     * is by then: in the pulse after the one that laid it out, by when that one's frame is drawn.
     * If the coach moves to another screen first, that one is waited for; if the
     * window is gone (locked), the action does not run. Call it once the window is in its scene.
     */
    public void whenScreenDrawn(Runnable action) {
        javafx.scene.Scene scene = root.getScene();
        int[] laidOut = {-1};
        boolean[] done = {false};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (done[0]) {
                return;
            }
            if (root.getScene() != scene) {
                done[0] = true;
            } else if (laidOut[0] == navigation) {
                done[0] = true;
                action.run();
            } else {
                laidOut[0] = navigation;
                Platform.requestNextPulse();
                return;
            }
            // Not from within the scene's own loop over its listeners.
            Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    /**
     * Data changed underneath (a sync brought changes): the screen in view is built again, unless
     * the coach is writing a conversation, which is never disturbed.
     */
    public void dataChanged() {
        if (openConversation == null) {
            current.run();
        }
    }

    /** The conflicts to resolve (Ctrl+4; in the menu while there are any). */
    public void showConflicts() {
        leaveConversation();
        conflicts.setSelected(true);
        current = this::showConflicts;
        place = MainWindow::showConflicts;
        navigation++;
        ConflictsView view = new ConflictsView(new ConflictsViewModel(sync, session), messages);
        show(view);
        Platform.runLater(view::focusFirst);
    }

    /** Saves what is being typed before the window goes (lock, close). */
    public void flush() {
        if (openConversation != null) {
            openConversation.saveNow();
        }
    }

    @Override
    public void showToday() {
        leaveConversation();
        today.setSelected(true);
        current = this::showToday;
        place = MainWindow::showToday;
        showWhenLoaded(() -> show(new TodayView(new TodayViewModel(session, this), messages)));
    }

    @Override
    public void showCaseload() {
        leaveConversation();
        caseload.setSelected(true);
        current = this::showCaseload;
        place = MainWindow::showCaseload;
        navigation++;
        CaseloadView view = new CaseloadView(caseloadModel, messages);
        caseloadModel.refresh();
        show(view);
        // The open-agreements filter needs the records; the list itself does not wait for them.
        session.whenRecordsLoaded(caseloadModel::refresh);
        Platform.runLater(view::focusSearch);
    }

    @Override
    public void showSocialMap() {
        leaveConversation();
        socialMap.setSelected(true);
        current = this::showSocialMap;
        place = MainWindow::showSocialMap;
        navigation++;
        SocialMapView view = new SocialMapView(new SocialMapViewModel(session), messages);
        view.offerActions(messages, entry -> fromSocialMap(view, c -> c.startAgreementAt(entry)),
                entry -> fromSocialMap(view, c -> c.startReferralTo(entry)));
        show(view);
        Platform.runLater(view::focusSearch);
    }

    @Override
    public void showOpenItems() {
        leaveConversation();
        openItems.setSelected(true);
        current = this::showOpenItems;
        place = MainWindow::showOpenItems;
        showWhenLoaded(() -> {
            OpenItemsView view = new OpenItemsView(new OpenItemsViewModel(session, this), messages);
            show(view);
            Platform.runLater(view::focusList);
        });
    }

    @Override
    public void showDossier(UUID residentId) {
        showDossier(residentId, "");
    }

    @Override
    public void showDossier(UUID residentId, String notice) {
        leaveConversation();
        lastResident = residentId;
        caseload.setSelected(true);
        place = w -> w.showIfInCaseload(residentId, () -> w.showDossier(residentId));
        current = () -> {
            if (session.caseload().resident(residentId).isPresent()) {
                showDossier(residentId);
            } else {
                showCaseload(); // the resident moved to another coach
            }
        };
        showWhenLoaded(() -> {
            DossierViewModel model = new DossierViewModel(session, residentId, this, () -> List.copyOf(sync.conflicts()));
            model.tell(notice);
            show(new DossierView(model, session, this, printer, files));
        });
    }

    @Override
    public void showConversation(UUID residentId) {
        showConversation(residentId, ConversationView::focusFirstField);
    }

    private void showConversation(UUID residentId, java.util.function.Consumer<ConversationView> then) {
        leaveConversation();
        place = w -> w.showIfInCaseload(residentId, () -> w.showConversation(residentId));
        caseload.setSelected(true);
        lastResident = residentId;
        showWhenLoaded(() -> {
            openConversation = new ConversationViewModel(session, residentId, this, saveTimers);
            ConversationView view = new ConversationView(openConversation, session);
            show(view);
            whenScreenDrawn(() -> onceWindowFocused(view, () -> then.accept(view)));
        });
    }

    /**
     * From the Sociale kaart to the conversation (the draft in progress, or a new one) of the
     * resident whose dossier was open last; with none, asks which resident first.
     */
    private void fromSocialMap(Node from, java.util.function.Consumer<ConversationView> start) {
        if (lastResident != null && session.caseload().resident(lastResident).isPresent()) {
            showConversation(lastResident, start);
            return;
        }
        ResidentChoice.ask(from.getScene().getWindow(), session).ifPresent(resident -> showConversation(resident, start));
    }

    /** Shows a screen that needs the records; until they are read, says so (or what went wrong). */
    private void showWhenLoaded(Runnable showScreen) {
        int shown = ++navigation;
        if (session.recordsLoadedProperty().get()) {
            showScreen.run();
            return;
        }
        Label loading = new Label();
        loading.setId("recordsLoading");
        loading.setWrapText(true);
        loading.textProperty().bind(javafx.beans.binding.Bindings.when(session.loadProblemProperty().isEmpty())
                .then(messages.text("records.loading")).otherwise(session.loadProblemProperty()));
        javafx.scene.control.ProgressIndicator progress = new javafx.scene.control.ProgressIndicator();
        progress.visibleProperty().bind(session.loadProblemProperty().isEmpty());
        VBox pane = new VBox(12, progress, loading);
        pane.setAlignment(javafx.geometry.Pos.CENTER);
        pane.setPadding(new Insets(24));
        show(pane);
        session.whenRecordsLoaded(() -> {
            if (shown == navigation) {
                showScreen.run();
            }
        });
    }

    private void leaveConversation() {
        if (openConversation != null) {
            openConversation.saveNow();
            openConversation = null;
        }
    }

    private void show(Node screen) {
        root.setCenter(screen);
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
}
