package nl.groningen.keukentafel.server;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.groningen.keukentafel.server.storage.ServerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's daily retention work, at start and then every day: audit entries older than the kept
 * period expire, and residents who left the group longer ago than {@code retention.left.months} are
 * erased (as an admin's erasure, with reason {@code retention}). It logs how many, never who.
 * See docs/privacy.md, "Retention".
 */
final class Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final ServerStore store;
    private final int leftMonths;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    private Housekeeping(ServerStore store, int leftMonths, Clock clock, ScheduledExecutorService timer) {
        this.store = store;
        this.leftMonths = leftMonths;
        this.clock = clock;
        this.timer = timer;
    }

    /** Runs the work now, in the background, and then once a day until closed. */
    static Housekeeping start(ServerStore store, int leftMonths, Clock clock) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        Housekeeping housekeeping = new Housekeeping(store, leftMonths, clock, timer);
        timer.scheduleWithFixedDelay(housekeeping::runSafely, 0, 1, TimeUnit.DAYS);
        return housekeeping;
    }

    /** One day's work, now: expired audit entries go, then the residents past their retention period. */
    static Outcome runOnce(ServerStore store, int leftMonths, Clock clock) {
        int expired = 0;
        try {
            expired = store.expireAudit(clock.instant());
            LOG.info("event=audit_expired entries={}", expired);
        } catch (RuntimeException e) {
            // The erasures below still run: retention must not wait on the audit log's expiry.
            LOG.error("event=audit_expiry_failed error={}", e.getClass().getSimpleName());
        }
        LocalDate leftOnOrBefore = LocalDate.now(clock.withZone(AMSTERDAM)).minusMonths(leftMonths);
        int erased = store.eraseLeftOnOrBefore(leftOnOrBefore, clock.instant());
        LOG.info("event=retention_erased residents={} left_on_or_before={}", erased, leftOnOrBefore);
        return new Outcome(expired, erased);
    }

    /** What one run did: audit entries expired, residents erased. */
    record Outcome(int auditExpired, int residentsErased) {
    }

    private void runSafely() {
        try {
            runOnce(store, leftMonths, clock);
        } catch (RuntimeException e) {
            // Tomorrow's run tries again; a failure is logged without what the store said (it could name data).
            LOG.error("event=housekeeping_failed error={}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
