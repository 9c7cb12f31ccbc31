package nl.groningen.keukentafel.app.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link SaveTimer}s for view-model tests: no time passes until the test says the time is up. */
public final class ManualSaveTimers implements SaveTimer.Factory {

    private final List<Timer> timers = new ArrayList<>();

    @Override
    public SaveTimer after(Duration delay, Runnable save) {
        Timer timer = new Timer(save);
        timers.add(timer);
        return timer;
    }

    /** Whether any timer is counting down. */
    public boolean running() {
        return timers.stream().anyMatch(t -> t.running);
    }

    /** The time is up for every timer counting down: their saves run, on the calling thread. */
    public void timeIsUp() {
        for (Timer timer : List.copyOf(timers)) {
            if (timer.running) {
                timer.running = false;
                timer.save.run();
            }
        }
    }

    private static final class Timer implements SaveTimer {
        private final Runnable save;
        private boolean running;

        Timer(Runnable save) {
            this.save = save;
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }
    }
}
