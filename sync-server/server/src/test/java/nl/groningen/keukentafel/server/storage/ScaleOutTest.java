package nl.groningen.keukentafel.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.StoreKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scale-out: two server instances on one PostgreSQL database, each with its own {@link ServerStore}
 * and so its own connection pool, as two server processes behind a load balancer have, with
 * requests at the same time on both. The sync simulation ({@code SyncSimulationTest}, two servers
 * sharing PostgreSQL) alternates its requests between two instances one at a time; this is what it
 * cannot show: two transactions open at once on different instances.
 */
@ExtendWith(TestStores.class)
class ScaleOutTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Dataset DEMO = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);
    private static final Coach COACH = DEMO.coaches().get(0);

    private ServerStore serverA;
    private ServerStore serverB;

    @BeforeEach
    void twoServersOnOneDatabase(TestStores stores) {
        StoreSettings settings = stores.fresh(StoreKind.POSTGRESQL);
        serverA = ServerStore.open(settings);
        serverA.importDataset(DEMO);
        serverB = ServerStore.open(settings);
    }

    @AfterEach
    void stopBoth() {
        serverA.close();
        serverB.close();
    }

    /**
     * A push on server A holds its transaction open once it has its number; a push on server B then
     * takes the next number. A laptop pulling from B meanwhile must not see B's change ahead of A's,
     * or it would store a cursor past a number that commits later and never get A's change.
     */
    @Test
    void aNumberTakenOnOneServerHidesHigherNumbersFromPullsOnTheOtherUntilItCommits() throws Exception {
        Change first = agreementChange(resident(3), "Eerste, trage transactie op server A");
        Change second = agreementChange(resident(4), "Tweede, snelle transactie op server B");
        long cursor = lastSeqFor(serverB);
        CountDownLatch firstHasItsNumber = new CountDownLatch(1);
        CountDownLatch letFirstCommit = new CountDownLatch(1);

        CompletableFuture<ChangeResult> slow = CompletableFuture.supplyAsync(() -> serverA.push(COACH.id(), null, List.of(first),
                () -> {
                    firstHasItsNumber.countDown();
                    await(letFirstCommit);
                }).get(0));
        assertThat(firstHasItsNumber.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ChangeResult> fast = CompletableFuture.supplyAsync(() -> serverB.push(COACH.id(), List.of(second)).get(0));
        Thread.sleep(300);
        List<PulledChange> meanwhile = pullAll(serverB, cursor);
        letFirstCommit.countDown();
        ChangeResult slowResult = slow.get(20, TimeUnit.SECONDS);
        ChangeResult fastResult = fast.get(20, TimeUnit.SECONDS);

        assertThat(meanwhile).as("nothing is visible on B while A's lower number is uncommitted").isEmpty();
        assertThat(fastResult.seq()).isGreaterThan(slowResult.seq());
        assertThat(pullAll(serverB, cursor)).extracting(PulledChange::recordId).containsExactly(first.recordId(), second.recordId());
    }

    /**
     * A push held up on its way to server A while the laptop, hearing nothing, sends it again and the
     * load balancer gives the resend to server B: the two arrive at once. The change is applied once,
     * and both requests get the same answer (neither fails).
     */
    @Test
    void theSamePushAtBothServersAtOnceIsAppliedOnceAndBothGetTheSameAnswer() throws Exception {
        Change change = agreementChange(resident(3), "Verstuurd, opnieuw verstuurd");
        CountDownLatch onAHasItsNumber = new CountDownLatch(1);
        CountDownLatch letACommit = new CountDownLatch(1);

        CompletableFuture<ChangeResult> onA = CompletableFuture.supplyAsync(() -> serverA.push(COACH.id(), null, List.of(change),
                () -> {
                    onAHasItsNumber.countDown();
                    await(letACommit);
                }).get(0));
        assertThat(onAHasItsNumber.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ChangeResult> onB = CompletableFuture.supplyAsync(() -> serverB.push(COACH.id(), List.of(change)).get(0));
        Thread.sleep(300);
        letACommit.countDown();
        ChangeResult answerOfA = onA.get(20, TimeUnit.SECONDS);
        ChangeResult answerOfB = onB.get(20, TimeUnit.SECONDS);

        assertThat(answerOfA.status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(answerOfB).isEqualTo(answerOfA);
        assertThat(pullAll(serverB, answerOfA.seq() - 1)).extracting(PulledChange::recordId).containsExactly(change.recordId());
    }

    /**
     * Six laptops push at once, each request to the other server than its last, while three laptops
     * of the same coach pull along, also alternating, each keeping only its cursor. When the pushes
     * are done and a last pull has run, every laptop has pulled every change the pushes were answered
     * with, each once: no pull skipped a change that another server committed later.
     */
    @Test
    void laptopsPushingAndPullingThroughBothServersAtOnceMissNothing() throws Exception {
        long start = lastSeqFor(serverA);
        int pushers = 6;
        int pushesEach = 25;
        ExecutorService threads = Executors.newFixedThreadPool(pushers + 3);
        try {
            Set<Long> answered = ConcurrentHashMap.newKeySet();
            List<Future<?>> pushing = new ArrayList<>();
            for (int p = 0; p < pushers; p++) {
                int laptop = p;
                pushing.add(threads.submit(() -> {
                    for (int i = 0; i < pushesEach; i++) {
                        ServerStore server = (laptop + i) % 2 == 0 ? serverA : serverB;
                        // Two residents per push, shared with the neighbouring laptop, so pushes also wait on each other's rows.
                        List<Change> changes = List.of(agreementChange(resident(3 + laptop), "Laptop " + laptop + ", push " + i),
                                agreementChange(resident(3 + (laptop + 1) % pushers), "Laptop " + laptop + ", push " + i + "b"));
                        for (ChangeResult result : server.push(COACH.id(), changes)) {
                            assertThat(result.status()).isEqualTo(ChangeStatus.APPLIED);
                            answered.add(result.seq());
                        }
                    }
                    return null;
                }));
            }
            AtomicBoolean pushesDone = new AtomicBoolean();
            List<Future<List<Long>>> pulling = new ArrayList<>();
            for (int l = 0; l < 3; l++) {
                int laptop = l;
                pulling.add(threads.submit(() -> {
                    List<Long> pulled = new ArrayList<>();
                    long cursor = start;
                    int request = laptop;
                    boolean last = false;
                    while (true) {
                        boolean done = pushesDone.get(); // read before the pull: a pull after it sees every push
                        PullPage page;
                        do {
                            page = (request++ % 2 == 0 ? serverA : serverB).pull(COACH.id(), cursor, 7);
                            page.changes().forEach(c -> pulled.add(c.seq()));
                            cursor = page.nextCursor();
                        } while (page.hasMore());
                        if (last) {
                            return pulled;
                        }
                        last = done;
                    }
                }));
            }
            for (Future<?> push : pushing) {
                push.get(60, TimeUnit.SECONDS);
            }
            pushesDone.set(true);
            for (Future<List<Long>> pull : pulling) {
                List<Long> pulled = pull.get(60, TimeUnit.SECONDS);
                assertThat(pulled).as("pulled in order, each change once").isSorted().doesNotHaveDuplicates();
                assertThat(new TreeSet<>(pulled)).as("every change answered, pulled").containsAll(answered);
            }
            assertThat(answered).hasSize(pushers * pushesEach * 2);
        } finally {
            threads.shutdownNow();
        }
    }

    private static Resident resident(int index) {
        return DEMO.caseloadOf(COACH.id()).get(index);
    }

    private static Change agreementChange(Resident resident, String description) {
        Agreement agreement = new Agreement(UUID.randomUUID(), resident.id(), UUID.randomUUID(), description,
                AgreementOwner.COACH, null, TODAY.plusWeeks(2), AgreementStatus.OPEN, null, null);
        JsonNode body = Json.mapper().valueToTree(agreement);
        return new Change(UUID.randomUUID(), "agreement", agreement.id(), resident.id(), false, body);
    }

    private static long lastSeqFor(ServerStore server) {
        return pullAll(server, 0).stream().mapToLong(PulledChange::seq).max().orElse(0);
    }

    private static List<PulledChange> pullAll(ServerStore server, long after) {
        List<PulledChange> all = new ArrayList<>();
        long cursor = after;
        PullPage page;
        do {
            page = server.pull(COACH.id(), cursor, 1_000);
            all.addAll(page.changes());
            cursor = page.nextCursor();
        } while (page.hasMore());
        return all;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
