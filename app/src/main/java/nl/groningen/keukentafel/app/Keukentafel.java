package nl.groningen.keukentafel.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import javafx.scene.Scene;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.app.ui.BackgroundTasks;
import nl.groningen.keukentafel.app.ui.MainWindow;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.caseload.CaseloadView;
import nl.groningen.keukentafel.app.ui.caseload.CaseloadViewModel;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;

/**
 * The composition root: opens the local store and wires store, view models and views with
 * constructors. Nothing else in the app creates long-lived parts.
 */
public final class Keukentafel implements AutoCloseable {

    /** Window size that fits a 1366×768 laptop screen with its task bar. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 700;

    private final AppOptions options;
    private final Messages messages;
    private final LocalStore store;
    private final Coach coach;

    private Keukentafel(AppOptions options, Messages messages, LocalStore store, Coach coach) {
        this.options = options;
        this.messages = messages;
        this.store = store;
        this.coach = coach;
    }

    /** Opens the local store in the data folder; in demo mode fills it the first time. */
    public static Keukentafel open(AppOptions options, Clock clock) {
        try {
            Files.createDirectories(options.dataFolder());
        } catch (IOException e) {
            throw new UncheckedIOException("The data folder cannot be created", e);
        }
        LocalStore store = LocalStore.open(options.dataFolder().resolve("caseload.db"));
        Coach coach = null;
        if (options.demo()) {
            Dataset demo = demoDataset(clock);
            coach = demo.coaches().get(0);
            if (store.isEmpty()) {
                store.saveResidents(demo.caseloadOf(coach.id()));
            }
        }
        return new Keukentafel(options, Messages.forLocale(options.locale()), store, coach);
    }

    /** The demo caseload the sync server's demo holds too: same generator, same seed, same day. */
    public static Dataset demoDataset(Clock clock) {
        return new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, LocalDate.now(clock)).generate(DatasetSize.DEMO);
    }

    /** Builds the main window's scene; the caseload starts loading at once. */
    public Scene mainScene(BackgroundTasks tasks) {
        CaseloadViewModel caseload = new CaseloadViewModel(store::residents, tasks, messages);
        CaseloadView caseloadView = new CaseloadView(caseload, messages);
        String status = messages.text(options.demo() ? "status.demo" : "status.local", options.dataFolder());
        MainWindow window = new MainWindow(messages, coach == null ? null : coach.name(), status, caseloadView);
        caseload.load();
        return new Scene(window.root(), WIDTH, HEIGHT);
    }

    public Messages messages() {
        return messages;
    }

    @Override
    public void close() {
        store.close();
    }
}
