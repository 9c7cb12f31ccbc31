package nl.groningen.keukentafel.app.session;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.app.domain.CaseloadOrder;
import nl.groningen.keukentafel.app.domain.SyncState;
import nl.groningen.keukentafel.app.domain.WrongCredentialException;
import nl.groningen.keukentafel.app.office.OfficeClient;
import nl.groningen.keukentafel.app.office.OfficeException;
import nl.groningen.keukentafel.app.office.OfficeFailure;
import nl.groningen.keukentafel.app.print.PlanPrinter;
import nl.groningen.keukentafel.app.print.SystemPrinter;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.profile.Enrolment;
import nl.groningen.keukentafel.app.profile.Preconfiguration;
import nl.groningen.keukentafel.app.profile.Profiles;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.app.sync.BackgroundSync;
import nl.groningen.keukentafel.app.sync.SyncClient;
import nl.groningen.keukentafel.app.sync.SyncEngine;
import nl.groningen.keukentafel.app.sync.SyncException;
import nl.groningen.keukentafel.app.sync.SyncFailure;
import nl.groningen.keukentafel.app.ui.BackgroundTasks;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.DialogButtons;
import nl.groningen.keukentafel.app.ui.FxSaveTimer;
import nl.groningen.keukentafel.app.ui.IdleLock;
import nl.groningen.keukentafel.app.ui.LoginRefusedException;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.Theme;
import nl.groningen.keukentafel.app.ui.UserSession;
import nl.groningen.keukentafel.app.ui.enrol.EnrolView;
import nl.groningen.keukentafel.app.ui.enrol.EnrolViewModel;
import nl.groningen.keukentafel.app.ui.login.LoginView;
import nl.groningen.keukentafel.app.ui.login.LoginViewModel;
import nl.groningen.keukentafel.app.ui.office.FilePicker;
import nl.groningen.keukentafel.app.ui.office.OfficeSession;
import nl.groningen.keukentafel.app.ui.office.OfficeWindow;
import nl.groningen.keukentafel.app.ui.sync.SyncStatus;
import nl.groningen.keukentafel.app.ui.window.MainWindow;
import okhttp3.OkHttpClient;

/**
 * The composition root: wires the local store, the session and the screens with constructors.
 * Starts at the login; an unlocked session shows the main window; idle time (or Ctrl+L) locks it
 * again, closing the store and forgetting the key. A user whose profile names no coach (office or
 * admin) gets the office window instead, online against the server: their local file holds only the
 * PC's enrolment, sealed under their password. Nothing else creates long-lived parts.
 */
public final class Keukentafel implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Keukentafel.class);
    private static final Duration SYNC_INTERVAL = Duration.ofMinutes(2);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

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
    private PlanPrinter printer = new SystemPrinter();
    private FilePicker files = FilePicker.system();
    /** The office's online session and window, when an office user is logged in (then {@link #session} is null). */
    private OfficeSession office;
    private OfficeWindow officeWindow;
    private LocalStore.Locked prepared;
    /** The screen the coach was on when the session locked, and whose session it was: the unlock returns there. */
    private java.util.function.Consumer<MainWindow> resumeAt;
    private String resumeFor;
    /** The opened session's store and sync; set by the login's background work, read on the UI thread after it. */
    private LocalStore openedStore;
    private String enrolProblem;
    private BackgroundSync backgroundSync;
    /** Made at the first enrolment or sync, in the background: making it loads the TLS stack, which the login need not wait for. */
    private OkHttpClient http;

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

    /** The one scene of the app, starting at the login (at the enrolment on a laptop no coach has used yet). */
    public Scene scene() {
        if (scene == null) {
            Theme.apply();
            // JavaFX's own formats follow the app's language: the date picker's calendar takes its
            // month and day names and first day of the week from this (English otherwise, on a
            // laptop set to English). The app's texts and its dates and numbers use Messages.
            Locale.setDefault(Locale.Category.FORMAT, messages.locale());
            scene = new Scene(new javafx.scene.layout.Pane(), WIDTH, HEIGHT);
            if (!options.demo() && profiles.none()) {
                showEnrolment(false);
            } else {
                showLogin(null);
            }
        }
        return scene;
    }

    /**
     * While the coach types the password: open their file (driver, schema, wrapped key) and have the
     * key derivation compiled, so only the unlock remains.
     */
    private void prepareStore(String userName) {
        Path file = userName == null ? null : profiles.fileOf(userName);
        if (file != null && LocalStore.exists(file)) {
            // Runs on the background thread, as the login does after it: no other thread touches this field.
            tasks.run(() -> {
                if (prepared == null) {
                    prepared = LocalStore.open(file);
                    LocalStore.warmUpKeyDerivation();
                }
                return Boolean.TRUE;
            }, ok -> { }, error -> { });
        }
    }

    private synchronized OkHttpClient http() {
        if (http == null) {
            http = SyncClient.defaultHttp();
        }
        return http;
    }

    /** Where the dossier's "Naar de printer" goes from the next session on (tests: a recording printer; the system's print dialog by default). */
    public void printWith(PlanPrinter printer) {
        this.printer = printer;
    }

    /** Where the office screens open and save files, and the dossier saves the access overview, from the next session on (tests: without a dialog). */
    public void pickFilesWith(FilePicker files) {
        this.files = files;
    }

    /** Called each time an unlocked session's main window is shown (for tests and benchmarks). */
    public void onSessionShown(Runnable callback) {
        this.onSessionShown = callback;
    }

    /** Locks now: saves what is being typed, closes the store, forgets the key, asks for the password. */
    public void lock() {
        if (office != null) {
            idleLock.stop();
            office = null;
            officeWindow = null;
            showLogin(user);
            return;
        }
        if (session == null) {
            return;
        }
        idleLock.stop();
        window.flush();
        resumeAt = window.place();
        resumeFor = user;
        closeSession(() -> { });
        showLogin(user);
    }

    /** Stops the background sync, then (after every save already queued) closes the store; then {@code after}. */
    private void closeSession(IoWork after) {
        CoachSession closing = session;
        BackgroundSync syncing = backgroundSync;
        session = null;
        window = null;
        backgroundSync = null;
        openedStore = null;
        // The background runs tasks in order: every save queued before this is done first.
        tasks.run(() -> {
            if (syncing != null) {
                syncing.close();
            }
            closing.close();
            after.run();
            return Boolean.TRUE;
        }, ok -> { }, error -> { });
    }

    @FunctionalInterface
    private interface IoWork {
        void run() throws java.io.IOException;
    }

    private void showLogin(String lockedUser) {
        String hint = options.demo() ? messages.text("login.demoHint", DemoProfile.USER, DemoProfile.PASSWORD) : "";
        LoginViewModel model = new LoginViewModel(this::openSession, tasks, messages, this::showSession, lockedUser, hint);
        String expected = lockedUser != null ? lockedUser : options.demo() ? DemoProfile.USER : profiles.onlyUser();
        if (lockedUser == null) {
            model.userProperty().set(expected == null ? "" : expected);
        }
        prepareStore(expected);
        model.offerEnrolment(() -> showEnrolment(true));
        LoginView view = new LoginView(model, messages);
        view.getStylesheets().add(Theme.appStyleSheet());
        scene.setRoot(view);
        Platform.runLater(view::focus);
    }

    /**
     * Enrolment: the laptop's first start, or a coach new on it (from the login, which it can go
     * back to). The server and code come filled in as IT preconfigured them.
     */
    private void showEnrolment(boolean backToLogin) {
        EnrolViewModel model = new EnrolViewModel(this::enrolAndOpen, tasks, messages, this::showSession,
                options.serverUrl(), options.enrolmentCode(), backToLogin ? () -> showLogin(null) : null);
        EnrolView view = new EnrolView(model, messages);
        view.getStylesheets().add(Theme.appStyleSheet());
        scene.setRoot(view);
        Platform.runLater(view::focus);
    }

    /** Runs in the background: enrols (making the coach's database if new) and opens the session; the first sync follows. */
    private UserSession enrolAndOpen(String serverUrl, String userName, char[] password, String code) throws Exception {
        LocalStore store = Enrolment.enrol(profiles, http(), serverUrl, userName, password, code, Enrolment.deviceName());
        try {
            rememberServer(serverUrl);
            user = userName.trim();
            enrolProblem = null;
            if (isOffice(store)) {
                return openOffice(store, password);
            }
            return sessionOver(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Keeps the server in the user's settings when nothing else would tell the next start about it.
     * In the background: the settings were read once at start (Main), and are read again only here.
     */
    private void rememberServer(String serverUrl) {
        try {
            Preconfiguration.of(options.dataFolder()).rememberServer(serverUrl);
        } catch (java.io.IOException e) {
            LOG.warn("The sync server could not be kept in the user's settings ({}); the enrolment itself holds it",
                    e.getClass().getSimpleName());
        }
    }

    /** Runs in the background: derives the key, opens the store, decrypts the residents into memory. */
    private UserSession openSession(String userName, char[] password) {
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
            user = userName.trim();
            if (isOffice(store)) {
                return openOffice(store, password);
            }
            enrolProblem = enrolIfAsked(store, user, password);
            return sessionOver(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** An office or admin user's profile: enrolled, but for no coach (the server gave no coach id). */
    private static boolean isOffice(LocalStore store) {
        return store.referenceTable().coach().id() == null;
    }

    /**
     * Runs in the background: the office works online. Reads the PC's enrolment from the user's file
     * and closes it again (it holds nothing else), then opens the office session on the server with
     * the same password. Offline or refused: the login says why, and nothing was opened.
     */
    private OfficeSession openOffice(LocalStore store, char[] password) {
        java.util.Optional<SyncState.Enrolled> enrolled = store.syncState().enrolment();
        store.close();
        if (enrolled.isEmpty()) {
            throw new LoginRefusedException(messages.text(OfficeFailure.NOT_ENROLLED.messageKey()), null);
        }
        SyncState.Enrolled enrolment = enrolled.get();
        OfficeClient client = new OfficeClient(http(), options.serverUrl() != null ? options.serverUrl() : enrolment.serverUrl(),
                enrolment.token());
        try {
            var opened = client.login(password);
            return new OfficeSession(client, user, opened.role(), messages, tasks, clock);
        } catch (OfficeException e) {
            if (e.failure() == OfficeFailure.WRONG_PASSWORD) {
                throw new WrongCredentialException();
            }
            if (e.failure() == OfficeFailure.REVOKED) {
                wipeRevoked(user);
            }
            throw new LoginRefusedException(messages.text(e.failure().messageKey()), e);
        }
    }

    private void wipeRevoked(String userName) {
        try {
            profiles.wipeRevoked(userName);
        } catch (java.io.IOException e) {
            LOG.warn("A revoked office profile could not be removed ({})", e.getClass().getSimpleName());
        }
    }

    /** The office window for an open office session; a lapsed session or a revoked PC returns to the login. */
    private void showOffice(OfficeSession opened) {
        office = opened;
        officeWindow = new OfficeWindow(opened, files, this::lock);
        opened.onEnded(why -> {
            if (office != opened) {
                return;
            }
            if (why == OfficeFailure.REVOKED || why == OfficeFailure.NOT_ENROLLED) {
                String wiped = user;
                tasks.run(() -> {
                    wipeRevoked(wiped);
                    return Boolean.TRUE;
                }, ok -> { }, error -> { });
            }
            lock();
        });
        scene.setRoot(officeWindow.root());
        idleLock.watch(scene);
        onSessionShown.run();
    }

    /** The session over an unlocked store: the residents now (the caseload is usable at once); the records once the first screen is drawn. */
    private CoachSession sessionOver(LocalStore store) {
        Caseload caseload = new Caseload(store.sealedRecords().residents(), Map.of());
        openedStore = store;
        return new CoachSession(store.referenceTable().coach(), caseload, store.recordWriter(), store.referenceTable().referenceData(),
                store.referenceTable().socialMap(),
                clock, tasks, messages, store, () -> store.sealedRecords().records(tasks::letUiCatchUp));
    }

    /**
     * A laptop started with a server and an enrolment code (an installer's preconfiguration, or the
     * demo) and not enrolled yet enrols at the first login, with the coach's own password. Offline
     * or refused: the coach works on, and hears why in the status bar.
     */
    private String enrolIfAsked(LocalStore store, String userName, char[] password) {
        if (options.serverUrl() == null || options.enrolmentCode() == null || store.syncState().enrolment().isPresent()) {
            return null;
        }
        try {
            Enrolment.enrolStore(store, http(), options.serverUrl(), userName, password, options.enrolmentCode(),
                    Enrolment.deviceName());
            return null;
        } catch (SyncException e) {
            return messages.text(e.failure().messageKey());
        } catch (IllegalArgumentException e) {
            return messages.text("sync.failure.refused");
        }
    }

    private void showSession(UserSession unlocked) {
        if (unlocked instanceof OfficeSession opened) {
            showOffice(opened);
            return;
        }
        CoachSession opened = (CoachSession) unlocked;
        session = opened;
        LocalStore store = openedStore;
        boolean enrolled = store.syncState().enrolment().isPresent();
        SyncStatus sync = new SyncStatus(store.outbox(), store.syncState(), store.conflictRecords(), store.sealedRecords(),
                opened, tasks, enrolled);
        String status = messages.text(options.demo() ? "status.demo" : "status.local", options.dataFolder());
        window = new MainWindow(opened, sync, status, this::lock, FxSaveTimer::new, printer, files);
        MainWindow shown = window;
        if (resumeAt != null && resumeFor != null && resumeFor.equals(user)) {
            shown.resume(resumeAt);
        }
        resumeAt = null;
        if (enrolled) {
            // The office moved the server: --server, the machine config or the user's settings point
            // an enrolled laptop at the new address (Preconfiguration.syncServer); it keeps its token.
            SyncEngine engine = new SyncEngine(store.outbox(), store.pulledPages(), store.syncState(), store.referenceTable(),
                    e -> new SyncClient(http(), options.serverUrl() != null ? options.serverUrl() : e.serverUrl(), e.token(),
                            Keukentafel.class.getPackage().getImplementationVersion(), store.outbox()::waiting), clock,
                    store.retainedConversations(), options.conversationRetentionMonths());
            backgroundSync = new BackgroundSync(engine, sync, SYNC_INTERVAL, FIRST_BACKOFF, MAX_BACKOFF, new Random());
            sync.wire(backgroundSync::syncNow, shown::dataChanged, this::stopSyncing);
            opened.onSaved(sync::changed);
        }
        sync.reload();
        if (enrolProblem != null) {
            sync.problemProperty().set(enrolProblem);
        }
        scene.setRoot(window.root());
        // Decrypting every record takes a core for a second at a cold start: it waits until the
        // screen the coach is waiting for is on the screen, so it does not slow that down.
        window.whenScreenDrawn(opened::loadRecords);
        idleLock.watch(scene);
        if (backgroundSync != null) {
            // Once the records are in memory: a sync then updates them, and never races their first reading.
            BackgroundSync starting = backgroundSync;
            opened.whenRecordsLoaded(() -> {
                if (backgroundSync == starting) {
                    starting.start();
                }
            });
        }
        onSessionShown.run();
    }

    /**
     * The server said this laptop is revoked: the coach is told, the session closes and the coach's
     * database is wiped from this laptop; then the login shows.
     */
    private void stopSyncing(SyncFailure failure) {
        if (failure != SyncFailure.REVOKED || session == null) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.WARNING, messages.text("sync.failure.revoked"), DialogButtons.ok(messages));
        alert.setHeaderText(messages.text("sync.revokedTitle"));
        alert.getDialogPane().setId("revokedDialog");
        alert.showAndWait();
        String wiped = user;
        closeSession(() -> profiles.wipeRevoked(wiped));
        showLogin(null);
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
            closeSession(() -> { });
        }
    }
}
