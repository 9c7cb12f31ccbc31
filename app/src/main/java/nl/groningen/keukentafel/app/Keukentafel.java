package nl.groningen.keukentafel.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.app.domain.CaseloadOrder;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.app.ui.BackgroundTasks;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.IdleLock;
import nl.groningen.keukentafel.app.ui.MainWindow;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.login.LoginView;
import nl.groningen.keukentafel.app.ui.login.LoginViewModel;

/**
 * The composition root: wires the local store, the session and the screens with constructors.
 * Starts at the login; an unlocked session shows the main window; idle time (or Ctrl+L) locks it
 * again, closing the store and forgetting the key. Nothing else creates long-lived parts.
 */
public final class Keukentafel implements AutoCloseable {

    /** Window size that fits a 1366×768 laptop screen with its task bar. */
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 700;

    private final AppOptions options;
    private final Clock clock;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final Profiles profiles;
    private final IdleLock idleLock;
    private Scene scene;
    private CoachSession session;
    private MainWindow window;
    private String user;
    private Runnable onSessionShown = () -> { };
    private LocalStore.Locked prepared;

    private Keukentafel(AppOptions options, Clock clock, BackgroundTasks tasks) {
        this.options = options;
        this.clock = clock;
        this.tasks = tasks;
        this.messages = Messages.forLocale(options.locale());
        this.profiles = new Profiles(options.dataFolder());
        this.idleLock = new IdleLock(options.lockAfter(), this::lock);
    }

    /** Prepares the app; in demo mode makes the demo coach's database the first time. */
    public static Keukentafel open(AppOptions options, Clock clock, BackgroundTasks tasks) {
        Keukentafel keukentafel = new Keukentafel(options, clock, tasks);
        if (options.demo()) {
            DemoProfile.ensure(keukentafel.profiles, clock);
        }
        return keukentafel;
    }

    public Messages messages() {
        return messages;
    }

    /** The one scene of the app, starting at the login. */
    public Scene scene() {
        if (scene == null) {
            scene = new Scene(new javafx.scene.layout.Pane(), WIDTH, HEIGHT);
            showLogin(null);
        }
        return scene;
    }

    /** While the coach types the password: open their file (driver, schema, wrapped key) so only the unlock remains. */
    private void prepareStore(String userName) {
        Path file = userName == null ? null : profiles.fileOf(userName);
        if (file != null && LocalStore.exists(file)) {
            // Runs on the background thread, as the login does after it: no other thread touches this field.
            tasks.run(() -> {
                if (prepared == null) {
                    prepared = LocalStore.open(file);
                }
                return Boolean.TRUE;
            }, ok -> { }, error -> { });
        }
    }

    /** Called each time an unlocked session's main window is shown (for tests and benchmarks). */
    public void onSessionShown(Runnable callback) {
        this.onSessionShown = callback;
    }

    /** Locks now: saves what is being typed, closes the store, forgets the key, asks for the password. */
    public void lock() {
        if (session == null) {
            return;
        }
        idleLock.stop();
        window.flush();
        CoachSession closing = session;
        session = null;
        window = null;
        // After every save already queued: the background runs tasks in order.
        tasks.run(() -> {
            closing.close();
            return Boolean.TRUE;
        }, ok -> { }, error -> { });
        showLogin(user);
    }

    private void showLogin(String lockedUser) {
        String hint = options.demo() ? messages.text("login.demoHint", DemoProfile.USER, DemoProfile.PASSWORD) : "";
        LoginViewModel model = new LoginViewModel(this::openSession, tasks, messages, this::showSession, lockedUser, hint);
        String expected = lockedUser != null ? lockedUser : options.demo() ? DemoProfile.USER : profiles.onlyUser();
        if (lockedUser == null) {
            model.userProperty().set(expected == null ? "" : expected);
        }
        prepareStore(expected);
        LoginView view = new LoginView(model, messages);
        view.getStylesheets().add(MainWindow.class.getResource("keukentafel.css").toExternalForm());
        scene.setRoot(view);
        Platform.runLater(view::focus);
    }

    /** Runs in the background: derives the key, opens the store, decrypts the residents into memory. */
    private CoachSession openSession(String userName, char[] password) {
        Path file = profiles.fileOf(userName);
        if (file == null || !LocalStore.exists(file)) {
            throw new LoginViewModel.UnknownUserException();
        }
        // Loaded on the other core while this one derives the key: the caseload is sorted right after.
        CompletableFuture.runAsync(CaseloadOrder::loadRules);
        LocalStore store;
        if (prepared != null && prepared.file().equals(file)) {
            store = prepared.unlock(password);
            prepared = null;
        } else {
            store = LocalStore.unlock(file, password);
        }
        try {
            // The residents now (the caseload is usable at once); the records once the first screen is drawn.
            Caseload caseload = new Caseload(store.residents(), Map.of());
            user = userName.trim();
            return new CoachSession(store.coach(), caseload, store, store.referenceData(), store.socialMap(),
                    clock, tasks, messages, store, () -> store.records(tasks::letUiCatchUp));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private void showSession(CoachSession opened) {
        session = opened;
        String status = messages.text(options.demo() ? "status.demo" : "status.local", options.dataFolder());
        window = new MainWindow(opened, status, this::lock);
        scene.setRoot(window.root());
        // Decrypting every record takes a core for a second at a cold start: it waits until the
        // screen the coach is waiting for is on the screen, so it does not slow that down.
        window.whenScreenDrawn(opened::loadRecords);
        idleLock.watch(scene);
        onSessionShown.run();
    }

    @Override
    public void close() {
        idleLock.stop();
        tasks.run(() -> {
            if (prepared != null) {
                prepared.close();
                prepared = null;
            }
            return Boolean.TRUE;
        }, ok -> { }, error -> { });
        if (session != null) {
            window.flush();
            CoachSession closing = session;
            session = null;
            tasks.run(() -> {
                closing.close();
                return Boolean.TRUE;
            }, ok -> { }, error -> { });
        }
    }
}
