package nl.groningen.keukentafel.app.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.sync.BackgroundSync;
import nl.groningen.keukentafel.app.sync.SyncEngine;
import nl.groningen.keukentafel.app.sync.SyncException;
import nl.groningen.keukentafel.app.sync.SyncFailure;
import nl.groningen.keukentafel.app.sync.SyncTransport;
import nl.groningen.keukentafel.app.ui.BackgroundTasks;
import nl.groningen.keukentafel.app.ui.SameThreadTasks;
import nl.groningen.keukentafel.app.ui.TestSession;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the status bar and the conflicts screen hear of sync, without a toolkit. The sync runs as
 * the app runs it (the sync engine in a {@link BackgroundSync}, on its own thread, "Synchroniseer
 * nu" wired to it) over the store's ports in memory and an office server that answers, or not;
 * the test's thread plays the UI thread, handling each update the status hands to it.
 */
class SyncStatusTest {

    private static final Instant NOW = TestSession.CLOCK.instant();

    private final TestSession test = new TestSession();
    private final InMemorySyncPorts store = new InMemorySyncPorts();
    private final Office office = new Office();
    private final UiThread ui = new UiThread();
    private final SyncStatus status = new SyncStatus(store, store, store, store, test.session(), ui, true);
    private final BackgroundSync sync = new BackgroundSync(
            new SyncEngine(store, store, store, store, enrolled -> office, TestSession.CLOCK),
            status, Duration.ofMinutes(2), Duration.ofMillis(50), Duration.ofMinutes(5), new Random(7));
    private final Resident resident = TestSession.demo().residents().get(11);
    private final List<SyncFailure> stopped = new ArrayList<>();
    private int refreshes;

    SyncStatusTest() {
        status.wire(sync::syncNow, () -> refreshes++, stopped::add);
    }

    @AfterEach
    void stopSyncing() {
        sync.close();
    }

    /**
     * "Synchroniseer nu", and the UI thread handles that one sync's updates, from its start to its
     * end. (A press while a sync runs gets a sync right after it: {@code BackgroundSyncTest}.)
     */
    private void syncNow() {
        status.syncNow();
        ui.handleNext();
        assertThat(status.syncingProperty().get()).as("the sync started").isTrue();
        ui.handleUntil(() -> !status.syncingProperty().get());
    }

    @Test
    void atTheStartItShowsWhatTheStoreKnows() {
        Conflict conflict = conflict();
        store.saved(resident.id()).lastSyncAt(Instant.parse("2026-11-21T16:30:00Z")).withConflict(conflict);

        status.reload();

        assertThat(status.waitingProperty().get()).isEqualTo(1);
        assertThat(status.lastSyncProperty().get()).isEqualTo(Instant.parse("2026-11-21T16:30:00Z"));
        assertThat(status.conflicts()).containsExactly(conflict);
        assertThat(status.onlineProperty().get()).as("not heard from the server yet").isFalse();
    }

    @Test
    void aSaveAddsToWhatWaits() {
        status.reload();
        store.saved(resident.id());

        status.changed();

        assertThat(status.waitingProperty().get()).isEqualTo(1);
    }

    @Test
    void aSyncThatGoesThroughShowsOnlineItsTimeAndNothingWaiting() {
        store.saved(resident.id()).saved(resident.id());
        status.reload();
        assertThat(status.waitingProperty().get()).isEqualTo(2);

        syncNow();

        assertThat(status.onlineProperty().get()).isTrue();
        assertThat(status.lastSyncProperty().get()).isEqualTo(NOW);
        assertThat(status.waitingProperty().get()).isZero();
        assertThat(status.problemProperty().get()).isEmpty();
        assertThat(office.received()).hasSize(2);
    }

    @Test
    void whileASyncRunsItSaysSo() {
        status.syncNow();

        ui.handleNext();
        assertThat(status.syncingProperty().get()).isTrue();

        ui.handleUntil(() -> !status.syncingProperty().get());
        assertThat(status.lastSyncProperty().get()).isEqualTo(NOW);
    }

    @Test
    void synchroniseerNuSaysAtOnceThatItIsSyncingAndAfterwardsWhatCameOfIt() {
        store.saved(resident.id()).saved(resident.id());
        Resident fromTheOffice = TestSession.demo().residents().get(12);
        // The pull brings the laptop's own two changes back (seq 1 and 2, as the push answered) and one from the office.
        office.serves(new PullPage(List.of(
                new PulledChange(1, RecordKind.RESIDENT.wireName(), resident.id(), resident.id(), false, Json.mapper().valueToTree(resident)),
                new PulledChange(2, RecordKind.RESIDENT.wireName(), resident.id(), resident.id(), false, Json.mapper().valueToTree(resident)),
                new PulledChange(3, RecordKind.RESIDENT.wireName(), fromTheOffice.id(), fromTheOffice.id(), false,
                        Json.mapper().valueToTree(fromTheOffice))), 3, false));

        status.syncNow();
        assertThat(status.syncingProperty().get()).as("said before the sync thread even starts").isTrue();
        ui.handleUntil(() -> !status.syncingProperty().get());

        assertThat(status.resultProperty().get()).isEqualTo("Bijgewerkt: 2 verzonden, 1 ontvangen");
    }

    @Test
    void synchroniseerNuThatFindsNothingNewSaysSo() {
        syncNow();

        assertThat(status.resultProperty().get()).isEqualTo("Bijgewerkt: niets nieuws");
    }

    @Test
    void aBackgroundSyncThatChangedNothingSaysNothing() {
        sync.start();
        ui.handleNext();
        ui.handleUntil(() -> !status.syncingProperty().get());

        assertThat(status.lastSyncProperty().get()).isEqualTo(NOW);
        assertThat(status.resultProperty().get()).isEmpty();
    }

    @Test
    void synchroniseerNuWithoutTheServerSaysTheSyncDidNotGoThrough() {
        office.down(SyncFailure.OFFLINE);

        syncNow();

        assertThat(status.onlineProperty().get()).isFalse();
        assertThat(status.resultProperty().get()).isEqualTo("Sync niet gelukt: server niet bereikbaar");
    }

    @Test
    void synchroniseerNuPressedWhileABackgroundSyncRunsKeepsSayingSyncingUntilItsOwnSyncIsDone() {
        SyncStatus direct = new SyncStatus(store, store, store, store, test.session(), new SameThreadTasks(), true);
        SyncEngine.Outcome nothing = new SyncEngine.Outcome(0, 0, 0, 0, 0, 0, Set.of(), NOW);
        direct.started(); // a background sync

        direct.syncNow();
        direct.succeeded(nothing); // that background sync ends; the asked one is still to come
        assertThat(direct.syncingProperty().get()).isTrue();
        assertThat(direct.resultProperty().get()).isEmpty();

        direct.started();
        direct.succeeded(nothing);
        assertThat(direct.syncingProperty().get()).isFalse();
        assertThat(direct.resultProperty().get()).isEqualTo("Bijgewerkt: niets nieuws");
    }

    @Test
    void aBackgroundSyncThatLetAnErasedResidentGoSaysSoInOneDutchSentenceWithoutAName() {
        SyncStatus direct = new SyncStatus(store, store, store, store, test.session(), new SameThreadTasks(), true);
        direct.started(); // a background sync: the coach did not ask, and is told all the same

        direct.succeeded(new SyncEngine.Outcome(0, 0, 0, 1, 0, 0, Set.of(resident.id()), NOW));

        assertThat(direct.resultProperty().get()).isEqualTo(
                "\u00c9\u00e9n inwoner is gewist door de gemeente; wat nog voor hem of haar klaarstond, is niet verstuurd.");
        assertThat(direct.resultProperty().get()).doesNotContain(resident.surname()).doesNotContain(resident.givenName());
    }

    @Test
    void twoErasedResidentsBesideOtherWorkAreCountedInThePluralAfterWhatWasDone() {
        SyncStatus direct = new SyncStatus(store, store, store, store, test.session(), new SameThreadTasks(), true);
        direct.started();

        direct.succeeded(new SyncEngine.Outcome(3, 0, 0, 2, 0, 0, Set.of(), NOW));

        assertThat(direct.resultProperty().get()).isEqualTo("Bijgewerkt: 3 verzonden. "
                + "2 inwoners zijn gewist door de gemeente; wat nog voor hen klaarstond, is niet verstuurd.");
    }

    @Test
    void whenTheServerCannotBeReachedItSaysOfflineAndTheChangesKeepWaiting() {
        store.lastSyncAt(Instant.parse("2026-11-21T16:30:00Z")).saved(resident.id());
        status.reload();
        status.onlineProperty().set(true); // as after that last sync
        store.saved(resident.id()).saved(resident.id()); // since the status bar last counted
        office.down(SyncFailure.OFFLINE);

        syncNow();

        assertThat(status.onlineProperty().get()).isFalse();
        assertThat(status.waitingProperty().get()).isEqualTo(3);
        assertThat(status.lastSyncProperty().get()).as("the last sync that went through").isEqualTo(Instant.parse("2026-11-21T16:30:00Z"));
        assertThat(status.problemProperty().get()).as("offline is said by the state itself").isEmpty();
        assertThat(stopped).isEmpty();
    }

    @Test
    void aServerFailureIsSpelledOutUntilTheNextSyncGoesThrough() {
        office.down(SyncFailure.SERVER_ERROR);

        syncNow();

        assertThat(status.problemProperty().get())
                .isEqualTo("De syncserver had een storing. Je werk blijft veilig op deze laptop; de app probeert het straks opnieuw.");
        assertThat(status.onlineProperty().get()).as("the server answered").isTrue();

        office.down(null); // the app tries again by itself, soon
        ui.handleUntil(() -> status.lastSyncProperty().get() != null);
        assertThat(status.problemProperty().get()).isEmpty();
    }

    @Test
    void aRevokedLaptopStopsTheSession() {
        office.down(SyncFailure.REVOKED);

        syncNow();

        assertThat(stopped).containsExactly(SyncFailure.REVOKED);
        assertThat(status.problemProperty().get()).startsWith("Deze laptop is door kantoor ingetrokken.");
    }

    @Test
    void aSyncThatBringsAConflictListsItAndShowsTheResidentAsStoredNow() {
        Conflict conflict = conflict();
        Resident changed = resident.withContact(6, Initiative.RESIDENT, resident.outreachStatus(), NOW.atZone(test.session().zone())
                .toLocalDate().plusDays(10));
        store.storedNow(changed, ResidentRecords.NONE);
        office.serves(new PullPage(List.of(new PulledChange(1, RecordKind.CONFLICT.wireName(), conflict.id(), resident.id(), false,
                Json.mapper().valueToTree(conflict))), 1, false));

        syncNow();

        assertThat(status.conflicts()).containsExactly(conflict);
        assertThat(test.caseload().resident(resident.id())).contains(changed);
        assertThat(refreshes).as("the screen in view is refreshed").isEqualTo(1);
    }

    @Test
    void aResidentWhoMovedToAnotherCoachLeavesTheCaseload() {
        store.gone(resident.id());
        office.serves(new PullPage(List.of(new PulledChange(1, RecordKind.RESIDENT_MOVED.wireName(), resident.id(), resident.id(),
                false, null)), 1, false));

        syncNow();

        assertThat(test.caseload().resident(resident.id())).isEmpty();
        assertThat(refreshes).isEqualTo(1);
    }

    @Test
    void aSyncThatChangedNothingLeavesTheScreenAlone() {
        syncNow();

        assertThat(refreshes).isZero();
    }

    @Test
    void aLongPullShowsItsProgressAndTheBarGoesAfter() {
        office.serves(new PullPage(List.of(), 1, true, 3 * SyncEngine.PULL_PAGE));

        status.syncNow();
        ui.handleNext(); // started
        assertThat(status.progressProperty().get()).as("no bar before the pull").isEqualTo(-1);
        ui.handleNext(); // the first page
        assertThat(status.progressProperty().get()).isZero();

        ui.handleUntil(() -> status.lastSyncProperty().get() != null);
        assertThat(status.progressProperty().get()).isEqualTo(-1);
    }

    @Test
    void theSyncThreadsReportsChangeNothingUntilTheUiThreadHandlesThem() {
        status.started();
        status.failed(SyncFailure.SERVER_ERROR);

        assertThat(status.syncingProperty().get()).isFalse();
        assertThat(status.problemProperty().get()).isEmpty();

        ui.handleNext();
        assertThat(status.syncingProperty().get()).isTrue();
        ui.handleNext();
        assertThat(status.syncingProperty().get()).isFalse();
        assertThat(status.problemProperty().get()).startsWith("De syncserver had een storing.");
    }

    @Test
    void onALaptopNotEnrolledSyncNowDoesNothing() {
        int[] asked = {0};
        SyncStatus notEnrolled = new SyncStatus(store, store, store, store, test.session(), new SameThreadTasks(), false);
        notEnrolled.wire(() -> asked[0]++, () -> { }, failure -> { });

        notEnrolled.syncNow();

        assertThat(asked[0]).isZero();
        assertThat(notEnrolled.enrolled()).isFalse();
    }

    private Conflict conflict() {
        return new Conflict(UUID.randomUUID(), resident.id(), "agreement", UUID.randomUUID(), "due_date",
                Json.mapper().valueToTree("2026-12-01"), Json.mapper().valueToTree("2026-12-15"), Instant.parse("2026-11-22T08:00:00Z"));
    }

    /**
     * The test's thread as the UI thread: work "in the background" runs at once; what the sync
     * thread hands to the UI thread waits in a queue until the test handles it.
     */
    private static final class UiThread implements BackgroundTasks {

        private final SameThreadTasks background = new SameThreadTasks();
        private final BlockingQueue<Runnable> queued = new LinkedBlockingQueue<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
            background.run(work, onSuccess, onFailure);
        }

        @Override
        public void onUiThread(Runnable update) {
            queued.add(update);
        }

        /** Handles the next update, waiting for it a while. */
        void handleNext() {
            try {
                Runnable update = queued.poll(10, TimeUnit.SECONDS);
                if (update == null) {
                    fail("no update reached the UI thread");
                }
                update.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }

        /** Handles updates until {@code shown} holds. */
        void handleUntil(BooleanSupplier shown) {
            while (!shown.getAsBoolean()) {
                handleNext();
            }
        }
    }

    /** The office's sync server: applies every change pushed, serves the pages it is given, or fails as told. */
    private static final class Office implements SyncTransport {

        private final List<Change> received = new ArrayList<>();
        private final List<PullPage> pages = new ArrayList<>();
        private SyncFailure down;
        private long seq;

        synchronized void down(SyncFailure failure) {
            this.down = failure;
        }

        synchronized void serves(PullPage page) {
            pages.add(page);
        }

        synchronized List<Change> received() {
            return List.copyOf(received);
        }

        @Override
        public synchronized PushResponse push(PushRequest request) throws SyncException {
            answer();
            received.addAll(request.changes());
            return new PushResponse(request.changes().stream()
                    .map(c -> new ChangeResult(c.changeId(), ChangeStatus.APPLIED, ++seq, null)).toList());
        }

        @Override
        public synchronized PullPage pull(long after, int limit) throws SyncException {
            answer();
            return pages.isEmpty() ? new PullPage(List.of(), after, false) : pages.remove(0);
        }

        private void answer() throws SyncException {
            if (down != null) {
                throw new SyncException(down, "the test's office is " + down, null);
            }
        }
    }
}
