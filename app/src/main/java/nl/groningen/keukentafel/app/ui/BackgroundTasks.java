package nl.groningen.keukentafel.app.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way views and view models get work off the FX thread. The app uses
 * {@link FxBackgroundTasks}; tests may use {@link SameThreadTasks} to run everything in order.
 */
public interface BackgroundTasks {

    /** Runs {@code work} in the background, then one of the callbacks on the UI thread. */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure);

    /**
     * Hands {@code update} to the UI thread, for work that runs on a thread of its own (the
     * background sync) and reports to what the screen shows. Runs it at once where there is no
     * separate UI thread.
     */
    void onUiThread(Runnable update);

    /**
     * For long background work to call between its steps: returns once the UI thread has handled
     * what was queued for it until now (input, a screen being built, a layout pass), so that the
     * work gives way to the screen instead of competing with it for the processor. Does nothing
     * where there is no separate UI thread.
     */
    default void letUiCatchUp() {
    }
}
