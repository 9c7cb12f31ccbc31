package nl.groningen.keukentafel.app.sync;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sync in the background: at once, then every {@code interval} while the server answers;
 * after a failure it waits longer each time (doubling up to {@code maxBackoff}), each wait spread
 * by a random jitter so a team's laptops do not all knock at the same second. "Synchroniseer nu"
 * runs it at once. A revoked device, an app too old or a laptop not enrolled stop the automatic
 * retries: those need a person. One sync at a time, on one background thread.
 */
public final class BackgroundSync implements AutoCloseable {

    /** What the screens hear; called on the sync thread. */
    public interface Listener {
        void started();

        void progress(long done, long total);

        void succeeded(SyncEngine.Outcome outcome);

        void failed(SyncFailure failure);
    }

    private final SyncEngine engine;
    private final Listener listener;
    private final Duration interval;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Random random;
    private final ScheduledExecutorService executor;
    /** The sync waiting to run, and when it is due ({@link System#nanoTime()}); null while none waits. */
    private ScheduledFuture<?> next;
    private long nextDue;
    private int failuresInARow;
    private boolean stopped;

    public BackgroundSync(SyncEngine engine, Listener listener, Duration interval, Duration firstBackoff, Duration maxBackoff,
                          Random random) {
        this.engine = engine;
        this.listener = listener;
        this.interval = interval;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.random = random;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "keukentafel-sync");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts syncing now and keeps at it. */
    public synchronized void start() {
        schedule(Duration.ZERO);
    }

    /** "Synchroniseer nu": a sync as soon as the one running (if any) is done; resets the backoff. */
    public synchronized void syncNow() {
        failuresInARow = 0;
        schedule(Duration.ZERO);
    }

    /**
     * Puts the next sync at {@code delay} from now, unless one is already waiting that is due sooner:
     * a "Synchroniseer nu" pressed while a sync runs is not replaced by that sync's next interval.
     */
    private synchronized void schedule(Duration delay) {
        if (stopped || executor.isShutdown()) {
            return;
        }
        long due = System.nanoTime() + delay.toNanos();
        if (next != null) {
            if (nextDue - due <= 0) {
                return;
            }
            next.cancel(false);
        }
        next = executor.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
        nextDue = due;
    }

    private void runOnce() {
        synchronized (this) {
            next = null; // this is it; what is scheduled from now on comes after it
        }
        listener.started();
        try {
            SyncEngine.Outcome outcome = engine.syncOnce(listener::progress);
            synchronized (this) {
                failuresInARow = 0;
            }
            listener.succeeded(outcome);
            schedule(jittered(interval));
        } catch (SyncException e) {
            listener.failed(e.failure());
            if (retriesHelp(e.failure())) {
                Duration wait;
                synchronized (this) {
                    failuresInARow++;
                    wait = backoff(failuresInARow);
                }
                schedule(jittered(wait));
            }
        } catch (RuntimeException e) {
            listener.failed(SyncFailure.SERVER_ERROR);
            schedule(jittered(maxBackoff));
        }
    }

    /** The wait after {@code failures} failures in a row: doubling from the first, at most the maximum. */
    Duration backoff(int failures) {
        long millis = firstBackoff.toMillis() << Math.min(20, Math.max(0, failures - 1));
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /** A wait spread over 50 % to 150 % of itself. */
    Duration jittered(Duration wait) {
        return Duration.ofMillis((long) (wait.toMillis() * (0.5 + random.nextDouble())));
    }

    private static boolean retriesHelp(SyncFailure failure) {
        return switch (failure) {
            case OFFLINE, SERVER_ERROR, LOCAL_STORE, REFUSED, LOCKED_OUT -> true;
            case REVOKED, APP_TOO_OLD, NOT_ENROLLED, WRONG_CREDENTIALS, BAD_CODE -> false;
        };
    }

    /** Stops; a sync in progress finishes its current step's commit (each commit is atomic anyway). */
    @Override
    public void close() {
        synchronized (this) {
            stopped = true;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
