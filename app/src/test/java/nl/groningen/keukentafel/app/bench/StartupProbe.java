package nl.groningen.keukentafel.app.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import nl.groningen.keukentafel.app.launch.AppArguments;
import nl.groningen.keukentafel.app.session.AppOptions;
import nl.groningen.keukentafel.app.session.Keukentafel;
import nl.groningen.keukentafel.app.ui.BackgroundTasks;
import nl.groningen.keukentafel.app.ui.FxBackgroundTasks;

/**
 * One cold start of the real app, run in a fresh JVM by {@link StartupBenchmark}: reads its command
 * line the way {@code Main} does ({@link AppArguments}, with the settings it looks up), starts
 * JavaFX, opens the composition root the way {@code KeukentafelApp} does, logs in through the login screen,
 * opens the caseload and waits for the pulse that lays out the table with its rows. Prints, as
 * {@code probe KEY VALUE} lines, the milliseconds from the moment the parent launched this JVM
 * (passed in) to each step, and the resident memory with the caseload shown; then exits.
 *
 * <p>Arguments: launch time (epoch ms, taken by the parent just before starting the process),
 * data folder, user, password, number of residents the caseload must show.
 */
public final class StartupProbe {

    private static final long TIMEOUT_MS = 120_000;

    private enum Step { LOGIN_SCREEN, UNLOCKING, MAIN_WINDOW, CASELOAD, DONE }

    private final long launched;
    private final AppOptions options;
    private final String user;
    private final String password;
    private final int expectedResidents;
    private final List<String> marks = new ArrayList<>();
    private volatile Step step = Step.LOGIN_SCREEN;
    private Scene scene;
    private Keukentafel keukentafel;
    private TimedTasks tasks;

    private StartupProbe(long launched, AppOptions options, String user, String password, int expectedResidents) {
        this.launched = launched;
        this.options = options;
        this.user = user;
        this.password = password;
        this.expectedResidents = expectedResidents;
    }

    public static void main(String[] args) {
        long entered = System.currentTimeMillis();
        // As Main.main: the app's own options, read before JavaFX starts.
        AppOptions options = AppArguments.of("--data-dir", args[1]);
        StartupProbe probe = new StartupProbe(Long.parseLong(args[0]), options, args[2], args[3],
                Integer.parseInt(args[4]));
        probe.mark("main_entered", entered);
        probe.mark("options_read");
        probe.watchdog();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> probe.fail("uncaught on " + thread.getName(), error));
        Platform.startup(() -> {
            probe.mark("fx_started");
            try {
                probe.start();
            } catch (RuntimeException | Error e) {
                probe.fail("the app did not start", e);
            }
        });
    }

    /** As KeukentafelApp.start, with the clock and language the app uses. */
    private void start() {
        tasks = new TimedTasks(new FxBackgroundTasks());
        Stage stage = new Stage();
        keukentafel = Keukentafel.open(options, Clock.system(ZoneId.of("Europe/Amsterdam")), tasks);
        keukentafel.onSessionShown(this::sessionShown);
        stage.setTitle(keukentafel.messages().text("app.title"));
        mark("keukentafel_opened");
        scene = keukentafel.scene();
        mark("login_scene_built");
        stage.setScene(scene);
        stage.show();
        mark("stage_shown");
        scene.addPostLayoutPulseListener(this::afterLayout);
        Platform.requestNextPulse();
    }

    /** Runs in every pulse after CSS and layout: moves on once the screen waited for is laid out. */
    private void afterLayout() {
        switch (step) {
            case LOGIN_SCREEN -> {
                if (scene.lookup("#loginButton") != null) {
                    mark("login_shown");
                    step = Step.UNLOCKING;
                    Platform.runLater(this::logIn);
                } else {
                    Platform.requestNextPulse();
                }
            }
            case MAIN_WINDOW -> {
                mark("main_window_laid_out");
                step = Step.CASELOAD;
                Platform.runLater(this::openCaseload);
            }
            case CASELOAD -> {
                if (caseloadShown()) {
                    mark("caseload_shown");
                    step = Step.DONE;
                    Platform.runLater(this::finish);
                } else {
                    Platform.requestNextPulse();
                }
            }
            default -> {
                // waiting for the background or done
            }
        }
    }

    private void logIn() {
        ((TextField) scene.lookup("#loginUser")).setText(user);
        ((PasswordField) scene.lookup("#loginPassword")).setText(password);
        mark("login_fired");
        tasks.timeNext(); // the login submits its work from within fire()
        ((Button) scene.lookup("#loginButton")).fire();
    }

    /** Called by the app (FX thread) once the unlocked session's main window is in the scene. */
    private void sessionShown() {
        mark("session_shown");
        step = Step.MAIN_WINDOW;
        Platform.requestNextPulse();
    }

    private void openCaseload() {
        mark("caseload_fired");
        ((ToggleButton) scene.lookup("#navCaseload")).fire();
        mark("caseload_built");
        Platform.requestNextPulse();
    }

    /** The table holds every resident and its visible rows have cells with residents in them. */
    private boolean caseloadShown() {
        Node node = scene.lookup("#caseloadTable");
        if (!(node instanceof TableView<?> table) || table.getItems().size() != expectedResidents) {
            return false;
        }
        return table.lookupAll(".table-row-cell").stream()
                .anyMatch(n -> n instanceof TableRow<?> row && !row.isEmpty() && row.getItem() != null);
    }

    private void finish() {
        printThreadCpu();
        long rssKb = vmRssKb();
        long shown = markTime("caseload_shown");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        StringBuilder out = new StringBuilder();
        out.append("probe startup_ms ").append(shown - launched).append('\n');
        out.append("probe rss_kb ").append(rssKb).append('\n');
        out.append("probe jvm_started_ms ").append(ManagementFactory.getRuntimeMXBean().getStartTime() - launched).append('\n');
        synchronized (marks) {
            for (String mark : marks) {
                out.append("probe at ").append(mark).append('\n');
            }
        }
        out.append("probe unlock_work_ms ").append(markTime("unlock_work_done") - markTime("unlock_work_started")).append('\n');
        out.append("probe heap_used_mb ").append(memory.getHeapMemoryUsage().getUsed() >> 20).append('\n');
        out.append("probe heap_committed_mb ").append(memory.getHeapMemoryUsage().getCommitted() >> 20).append('\n');
        out.append("probe nonheap_committed_mb ").append(memory.getNonHeapMemoryUsage().getCommitted() >> 20).append('\n');
        out.append("probe classes_loaded ").append(ManagementFactory.getClassLoadingMXBean().getLoadedClassCount()).append('\n');
        long gcs = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        out.append("probe gc_count ").append(gcs).append('\n');
        out.append("probe gc_ms ").append(gcMillis).append('\n');
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            out.append("probe process_cpu_ms ").append(os.getProcessCpuTime() / 1_000_000).append('\n');
        }
        out.append("probe max_heap_mb ").append(Runtime.getRuntime().maxMemory() >> 20).append('\n');
        System.out.print(out);
        System.out.flush();
        // Lock the store and close it as the app does on exit, then leave.
        keukentafel.close();
        tasks.delegate.run(() -> {
            System.exit(0);
            return null;
        }, ok -> { }, error -> { });
    }

    private void watchdog() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TIMEOUT_MS);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("probe failed: no caseload after " + TIMEOUT_MS + " ms, still at " + step);
            System.out.flush();
            Runtime.getRuntime().halt(2);
        }, "probe-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void fail(String why, Throwable cause) {
        System.out.println("probe failed: " + why + (cause == null ? "" : ": " + cause));
        if (cause != null) {
            cause.printStackTrace();
        }
        System.out.flush();
        Runtime.getRuntime().halt(3);
    }

    /**
     * The processor time of every thread of the process so far, the JVM's own included (the JIT's
     * compilers, the garbage collector), from {@code /proc/self/task}: {@code probe cpu THREAD MS}.
     * Threads with the same name but a number (GC Thread#0, #1) are added up.
     */
    private static void printThreadCpu() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return;
        }
        java.util.Map<String, Long> cpu = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("#?[0-9]+$", "").trim().replace(' ', '_');
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // utime and stime (fields 14 and 15 of stat), in clock ticks of 10 ms
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    cpu.merge(name, ticks * 10, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            });
        } catch (IOException e) {
            return;
        }
        cpu.forEach((name, ms) -> {
            if (ms > 0) {
                System.out.println("probe cpu_" + name + " " + ms);
            }
        });
    }

    private void mark(String name) {
        mark(name, System.currentTimeMillis());
    }

    private void mark(String name, long at) {
        synchronized (marks) {
            marks.add(name + " " + (at - launched));
        }
    }

    private long markTime(String name) {
        synchronized (marks) {
            for (String mark : marks) {
                if (mark.startsWith(name + " ")) {
                    return launched + Long.parseLong(mark.substring(name.length() + 1));
                }
            }
        }
        throw new IllegalStateException("No mark " + name);
    }

    static long vmRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("/proc/self/status cannot be read", e);
        }
        throw new IllegalStateException("/proc/self/status has no VmRSS");
    }

    /**
     * The app's FxBackgroundTasks, unchanged, with the login's task (key derivation, whatever of the
     * store opening is left, caseload decrypt) timed where it runs; any failure ends the probe. The
     * login's task is the one submitted when the login button is fired: work the app submitted
     * before (the store opened while the login screen waits) is not part of it.
     */
    private final class TimedTasks implements BackgroundTasks {

        final FxBackgroundTasks delegate;
        private boolean timeNext;

        TimedTasks(FxBackgroundTasks delegate) {
            this.delegate = delegate;
        }

        @Override
        public void letUiCatchUp() {
            delegate.letUiCatchUp();
        }

        @Override
        public void onUiThread(Runnable update) {
            delegate.onUiThread(update);
        }

        /** Times the next task submitted (called on the FX thread, where tasks are submitted). */
        void timeNext() {
            timeNext = true;
        }

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
            boolean timed = timeNext;
            timeNext = false;
            delegate.run(() -> {
                if (timed) {
                    mark("unlock_work_started");
                }
                try {
                    return work.call();
                } finally {
                    if (timed) {
                        mark("unlock_work_done");
                    }
                }
            }, result -> {
                if (timed) {
                    mark("unlock_result_on_fx");
                }
                onSuccess.accept(result);
            }, error -> {
                onFailure.accept(error);
                if (step != Step.DONE) {
                    fail("a background task failed", error);
                }
            });
        }
    }
}
