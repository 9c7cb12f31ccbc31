package nl.groningen.keukentafel.app.ui;

import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;

/** The app's {@link SaveTimer}: a JavaFX pause, so the save runs on the UI thread. */
public final class FxSaveTimer implements SaveTimer {

    private final PauseTransition pause;

    public FxSaveTimer(Duration delay, Runnable save) {
        this.pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        this.pause.setOnFinished(e -> save.run());
    }

    @Override
    public void start() {
        if (pause.getStatus() != Animation.Status.RUNNING) {
            pause.playFromStart();
        }
    }

    @Override
    public void stop() {
        pause.stop();
    }
}
