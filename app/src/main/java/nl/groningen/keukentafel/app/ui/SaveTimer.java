package nl.groningen.keukentafel.app.ui;

import java.time.Duration;

/**
 * A count-down to saving what is being typed, so that a view model needs no toolkit to wait: the
 * app makes {@link FxSaveTimer}s (on the UI thread), tests make timers that run out when told.
 * Starting a timer that is already counting does nothing: more typing does not postpone the save.
 */
public interface SaveTimer {

    /** Starts counting down, unless it already is; when the time is up the save runs (on the UI thread). */
    void start();

    /** Stops counting down; the save does not run. */
    void stop();

    /** Makes the timer for one form: {@code save} runs {@code delay} after each start. */
    @FunctionalInterface
    interface Factory {
        SaveTimer after(Duration delay, Runnable save);
    }
}
