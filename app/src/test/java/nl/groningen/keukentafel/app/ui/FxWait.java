package nl.groningen.keukentafel.app.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for the screen in TestFX flows: until something shows, then until the UI thread is idle. */
final class FxWait {

    private FxWait() {
    }

    /**
     * Waits (up to 20 s, background work included) until the condition holds, then for pending UI
     * events. The condition is asked on the UI thread: looking up nodes from the test's thread while
     * the UI thread swaps a screen can fail at random (an index out of bounds in a children list).
     */
    static void until(Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::get).get());
        } catch (TimeoutException e) {
            throw new AssertionError("The screen did not get there in time", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of a label or button, or "" when it is not on the screen. */
    static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }
}
