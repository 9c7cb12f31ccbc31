package nl.groningen.keukentafel.app.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Background work on one daemon thread, results handed back on the JavaFX thread. */
public final class FxBackgroundTasks implements BackgroundTasks, AutoCloseable {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "keukentafel-background");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onUiThread(Runnable update) {
        Platform.runLater(update);
    }

    @Override
    public void letUiCatchUp() {
        if (Platform.isFxApplicationThread()) {
            return;
        }
        CountDownLatch caughtUp = new CountDownLatch(1);
        Platform.runLater(caughtUp::countDown);
        try {
            // Bounded: a UI that is shutting down never runs it.
            caughtUp.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
