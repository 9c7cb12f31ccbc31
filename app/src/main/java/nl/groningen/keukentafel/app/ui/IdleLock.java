package nl.groningen.keukentafel.app.ui;

import java.time.Duration;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;

/** Locks the app after a stretch without keyboard or mouse input. */
public final class IdleLock {

    private final PauseTransition timer;
    private final EventHandler<Event> activity;
    private Scene scene;

    public IdleLock(Duration idle, Runnable lock) {
        this.timer = new PauseTransition(javafx.util.Duration.millis(idle.toMillis()));
        this.timer.setOnFinished(e -> lock.run());
        this.activity = e -> timer.playFromStart();
    }

    /** Starts watching the scene's input; any key or mouse event restarts the count. */
    public void watch(Scene watched) {
        stop();
        this.scene = watched;
        watched.addEventFilter(InputEvent.ANY, activity);
        timer.playFromStart();
    }

    public void stop() {
        timer.stop();
        if (scene != null) {
            scene.removeEventFilter(InputEvent.ANY, activity);
            scene = null;
        }
    }
}
