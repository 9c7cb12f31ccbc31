package nl.groningen.keukentafel.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.groningen.keukentafel.app.ui.sync.InMemorySyncPorts;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When the background sync runs: at once, at its interval, and at "Synchroniseer nu", which is never lost. */
class BackgroundSyncTest {

    private final InMemorySyncPorts store = new InMemorySyncPorts();
    private final SlowServer server = new SlowServer();
    private final Semaphore syncsDone = new Semaphore(0);
    private final BackgroundSync sync = new BackgroundSync(
            new SyncEngine(store, store, store, store, enrolled -> server, Clock.systemUTC()),
            new BackgroundSync.Listener() {
                @Override
                public void started() {
                }

                @Override
                public void progress(long done, long total) {
                }

                @Override
                public void succeeded(SyncEngine.Outcome outcome) {
                    syncsDone.release();
                }

                @Override
                public void failed(SyncFailure failure) {
                    syncsDone.release();
                }
            },
            Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), new Random(3));

    @AfterEach
    void stop() {
        server.release();
        sync.close();
    }

    @Test
    void synchroniseerNuWhileASyncRunsGetsASyncRightAfterIt() throws Exception {
        sync.start();
        server.awaitPullStarted();

        sync.syncNow(); // pressed while the first sync still waits for the server
        server.release();

        assertThat(syncsDone.tryAcquire(2, 10, TimeUnit.SECONDS))
                .as("the first sync and the one asked for, not the next one an hour later").isTrue();
        assertThat(server.pulls()).isEqualTo(2);
    }

    @Test
    void withoutAskingTheNextSyncWaitsForTheInterval() throws Exception {
        sync.start();
        server.release();

        assertThat(syncsDone.tryAcquire(1, 10, TimeUnit.SECONDS)).isTrue();
        assertThat(syncsDone.tryAcquire(1, 300, TimeUnit.MILLISECONDS)).as("an hour's interval").isFalse();
        assertThat(server.pulls()).isEqualTo(1);
    }

    /** A server whose first pull waits until the test lets it answer. */
    private static final class SlowServer implements SyncTransport {
        private final CountDownLatch pullStarted = new CountDownLatch(1);
        private final CountDownLatch answer = new CountDownLatch(1);
        private final AtomicInteger pulls = new AtomicInteger();

        @Override
        public PushResponse push(PushRequest request) {
            return new PushResponse(List.of());
        }

        @Override
        public PullPage pull(long after, int limit) throws SyncException {
            pulls.incrementAndGet();
            pullStarted.countDown();
            try {
                answer.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncException(SyncFailure.OFFLINE, "interrupted", e);
            }
            return new PullPage(List.of(), after, false);
        }

        void awaitPullStarted() throws InterruptedException {
            assertThat(pullStarted.await(10, TimeUnit.SECONDS)).isTrue();
        }

        void release() {
            answer.countDown();
        }

        int pulls() {
            return pulls.get();
        }
    }
}
