package nl.groningen.keukentafel.installers.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;

/**
 * The packaging's training run, in the JVM whose loaded classes become the app's class-data-sharing
 * class list: starts the real app ({@code Main} with the arguments given, e.g. {@code --demo
 * --data-dir TMP}) and does what a coach does first: logs in as the demo coach through the login
 * screen, opens the caseload and waits until its rows are drawn; builds the headless commands'
 * command line (picocli), which a start of the window no longer does, so that they start from the
 * archive too; then closes the app normally.
 * It finds the screens by their node ids only, so it drives any version of the app that has them
 * (the upgrade test packages the previous release with it too). Exit code 0 when the caseload was
 * shown, 3 when a step did not come within the time limit.
 */
public final class TrainingRun {

    private static final long STEP_TIMEOUT_MS = 120_000;
    private static final String USER = "sanne";
    private static final String PASSWORD = "keukentafel";

    private TrainingRun() {
    }

    public static void main(String[] args) throws Exception {
        Thread app = new Thread(() -> nl.groningen.keukentafel.app.Main.main(args), "keukentafel-main");
        app.start();
        waitForToolkit();

        Scene login = waitFor("the login screen", () -> sceneWith("#loginButton"));
        onFx(() -> {
            ((TextInputControl) login.lookup("#loginUser")).setText(USER);
            ((TextInputControl) login.lookup("#loginPassword")).setText(PASSWORD);
            ((Button) login.lookup("#loginButton")).fire();
            return null;
        });
        Scene session = waitFor("the main window after login", () -> sceneWith("#navCaseload"));
        onFx(() -> {
            ((ButtonBase) session.lookup("#navCaseload")).fire();
            return null;
        });
        waitFor("the caseload's rows", () -> caseloadDrawn(session) ? session : null);
        // A start of the window reads its options without picocli; the headless commands (IT's
        // scripts) and --help still use it, so their command line is built once here to be archived too.
        new picocli.CommandLine(new nl.groningen.keukentafel.app.Main()).getUsageMessage();
        onFx(() -> {
            Platform.exit();
            return null;
        });
        app.join(STEP_TIMEOUT_MS);
        System.out.println("training run: logged in and showed the caseload");
        System.exit(0);
    }

    private static void waitForToolkit() throws InterruptedException {
        long until = System.currentTimeMillis() + STEP_TIMEOUT_MS;
        while (true) {
            try {
                Platform.runLater(() -> { });
                return;
            } catch (IllegalStateException notYet) {
                if (System.currentTimeMillis() > until) {
                    fail("JavaFX did not start");
                }
                Thread.sleep(50);
            }
        }
    }

    /** The showing scene that has a node matching {@code selector}, or null (FX thread). */
    private static Scene sceneWith(String selector) {
        for (Window window : Window.getWindows()) {
            Scene scene = window.getScene();
            if (window.isShowing() && scene != null && scene.lookup(selector) != null) {
                return scene;
            }
        }
        return null;
    }

    private static boolean caseloadDrawn(Scene scene) {
        Node node = scene.lookup("#caseloadTable");
        return node instanceof TableView<?> table && !table.getItems().isEmpty()
                && table.lookupAll(".table-row-cell").stream()
                        .anyMatch(n -> n instanceof TableRow<?> row && !row.isEmpty() && row.getItem() != null);
    }

    /** Asks the FX thread every 100 ms until {@code check} answers something other than null. */
    private static <T> T waitFor(String what, Callable<T> check) throws Exception {
        long until = System.currentTimeMillis() + STEP_TIMEOUT_MS;
        while (System.currentTimeMillis() < until) {
            T found = onFx(check);
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        fail("no " + what + " after " + STEP_TIMEOUT_MS / 1000 + " s");
        return null;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private static void fail(String why) {
        System.out.println("training run failed: " + why);
        System.out.flush();
        Runtime.getRuntime().halt(3);
    }
}
