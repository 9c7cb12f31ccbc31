package nl.groningen.keukentafel.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Conversation;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sync protocol's storage side: push applied once, scope, refusals with reasons, pull by sequence. */
@ExtendWith(TestStores.class)
class SyncProtocolTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Dataset AREA = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.AREA);
    private static final Coach COACH = AREA.coaches().get(0);
    private static final Coach OTHER_COACH = AREA.coaches().get(1);

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aPushedChangeIsAppliedOnceAndAReplayGetsTheSameAnswer(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(AREA);
            Change change = agreementChange(ownResident(), "Vrijwilligerswerk opzoeken");

            ChangeResult first = store.push(COACH.id(), List.of(change)).get(0);
            ChangeResult replay = store.push(COACH.id(), List.of(change)).get(0);

            assertThat(first.status()).isEqualTo(ChangeStatus.APPLIED);
            assertThat(replay).isEqualTo(first);
            List<PulledChange> pulled = pullAll(store, COACH.id(), first.seq() - 1);
            assertThat(pulled).extracting(PulledChange::recordId).containsExactly(change.recordId());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aChangeSentTwiceInOnePushIsAppliedOnce(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(AREA);
            Change change = agreementChange(ownResident(), "Twee keer in dezelfde batch");

            List<ChangeResult> results = store.push(COACH.id(), List.of(change, change));

            assertThat(results.get(0).status()).isEqualTo(ChangeStatus.APPLIED);
            assertThat(results.get(1)).isEqualTo(results.get(0));
            assertThat(pullAll(store, COACH.id(), results.get(0).seq() - 1)).hasSize(1);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aLaterChangeInOnePushMergesWithWhatAnEarlierOneWroteToTheSameRecord(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(AREA);
            Agreement stored = AREA.agreements().stream()
                    .filter(a -> AREA.caseloadOf(COACH.id()).stream().anyMatch(r -> r.id().equals(a.residentId())))
                    .findFirst().orElseThrow();
            JsonNode base = Json.mapper().valueToTree(stored);
            ObjectNode newDescription = ((ObjectNode) base).deepCopy().put("description", "Eerst de post openen");
            ObjectNode laterDue = ((ObjectNode) base).deepCopy().put("due_date", TODAY.plusDays(30).toString());

            List<ChangeResult> results = store.push(COACH.id(), List.of(
                    new Change(UUID.randomUUID(), "agreement", stored.id(), stored.residentId(), false, newDescription, base),
                    new Change(UUID.randomUUID(), "agreement", stored.id(), stored.residentId(), false, laterDue, base)));

            assertThat(results).extracting(ChangeResult::status).containsExactly(ChangeStatus.APPLIED, ChangeStatus.APPLIED);
            assertThat(results.get(1).seq()).isEqualTo(results.get(0).seq() + 1);
            List<PulledChange> pulled = pullAll(store, COACH.id(), results.get(0).seq() - 1);
            assertThat(pulled).extracting(PulledChange::seq).containsExactly(results.get(0).seq(), results.get(1).seq());
            JsonNode last = pulled.get(1).body();
            assertThat(last.get("description").asText()).isEqualTo("Eerst de post openen");
            assertThat(last.get("due_date").asText()).isEqualTo(TODAY.plusDays(30).toString());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void changesOutsideScopeOrInvalidAreRefusedWithAReasonAndNothingIsStored(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(AREA);
            Resident someoneElses = AREA.caseloadOf(OTHER_COACH.id()).get(0);
            Change outOfScope = agreementChange(someoneElses, "Niet van deze coach");
            ObjectNode badEnum = (ObjectNode) agreementChange(ownResident(), "Onbekende eigenaar").body();
            badEnum.put("owner", "neighbour");
            Change invalid = new Change(UUID.randomUUID(), "agreement", UUID.fromString(badEnum.get("id").asText()),
                    ownResident().id(), false, badEnum);
            Change unknownKind = new Change(UUID.randomUUID(), "wij_case_notes", UUID.randomUUID(), ownResident().id(), false,
                    Json.mapper().createObjectNode());
            String sqlLooking = "'); DROP TABLE resident; --";
            Change literal = agreementChange(ownResident(), sqlLooking);
            long before = pullAll(store, COACH.id(), 0).size();

            List<ChangeResult> results = store.push(COACH.id(), List.of(outOfScope, invalid, unknownKind, literal));

            assertThat(results).extracting(ChangeResult::reason).containsExactly("not_in_scope", "invalid_body", "unknown_kind", null);
            assertThat(store.push(COACH.id(), List.of(outOfScope)).get(0).reason()).isEqualTo("not_in_scope");
            List<PulledChange> after = pullAll(store, COACH.id(), 0);
            assertThat(after).hasSize((int) before + 1);
            assertThat(after.get(after.size() - 1).body().get("description").asText()).isEqualTo(sqlLooking);
            assertThat(store.countResidents()).isEqualTo(1_500);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aFinalisedConversationIsNeverOverwritten(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(AREA);
            Conversation finalised = AREA.conversations().stream()
                    .filter(c -> AREA.caseloadOf(COACH.id()).stream().anyMatch(r -> r.id().equals(c.residentId())))
                    .findFirst().orElseThrow();
            ObjectNode changed = Json.mapper().valueToTree(finalised);
            changed.put("wishes", "Later veranderd");

            ChangeResult result = store.push(COACH.id(), List.of(new Change(UUID.randomUUID(), "conversation",
                    finalised.id(), finalised.residentId(), false, changed))).get(0);

            assertThat(result.status()).isEqualTo(ChangeStatus.REJECTED);
            assertThat(result.reason()).isEqualTo("finalised");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aCoachPullsTheirWholeCaseloadInPagesAndNothingElse(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(AREA);

            List<PulledChange> all = new ArrayList<>();
            long cursor = 0;
            int pages = 0;
            PullPage page;
            do {
                page = store.pull(COACH.id(), cursor, 500);
                assertThat(page.nextCursor()).isGreaterThanOrEqualTo(cursor);
                all.addAll(page.changes());
                cursor = page.nextCursor();
                pages++;
            } while (page.hasMore());

            List<UUID> residents = AREA.caseloadOf(COACH.id()).stream().map(Resident::id).toList();
            assertThat(pages).isGreaterThan(1);
            assertThat(all).extracting(PulledChange::seq).isSorted().doesNotHaveDuplicates();
            assertThat(all).allMatch(c -> residents.contains(c.residentId()));
            assertThat(all.stream().filter(c -> c.kind().equals("resident")).count()).isEqualTo(residents.size());
            long conversations = AREA.conversations().stream().filter(c -> residents.contains(c.residentId())).count();
            assertThat(all.stream().filter(c -> c.kind().equals("conversation")).count()).isEqualTo(conversations);
        }
    }

    /**
     * Two pushes at once: the first holds its transaction open after taking its number. A laptop
     * pulling meanwhile must not see the second push's change ahead of the first's, or it would
     * store a cursor past a number that commits later and never get that change.
     */
    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void concurrentPushesBecomeVisibleInSequenceOrderSoNoPullSkipsAChange(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(AREA);
            Change first = agreementChange(ownResident(), "Eerste, trage transactie");
            Change second = agreementChange(ownResident(), "Tweede, snelle transactie");

            Interleaved run = pushWhileTheFirstHoldsItsNumber(store, first, second);
            long cursor = run.cursor();
            List<PulledChange> meanwhile = run.meanwhile();
            ChangeResult slowResult = run.slow();
            ChangeResult fastResult = run.fast();

            assertThat(meanwhile).as("nothing is visible while the lower number is uncommitted").isEmpty();
            assertThat(fastResult.seq()).isGreaterThan(slowResult.seq());
            long cursorAfterMeanwhile = meanwhile.isEmpty() ? cursor : meanwhile.get(meanwhile.size() - 1).seq();
            assertThat(pullAll(store, COACH.id(), cursorAfterMeanwhile)).extracting(PulledChange::recordId)
                    .containsExactly(first.recordId(), second.recordId());
        }
    }

    /**
     * As above, with the two pushes for different residents: on PostgreSQL a push locks the rows it
     * touches, so two pushes to one resident wait for each other anyway; here only the counter
     * orders them.
     */
    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void concurrentPushesForDifferentResidentsBecomeVisibleInSequenceOrder(StoreKind kind, TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(AREA);
            Change first = agreementChange(ownResident(), "Eerste, trage transactie");
            Change second = agreementChange(AREA.caseloadOf(COACH.id()).get(4), "Tweede, snelle transactie");

            Interleaved run = pushWhileTheFirstHoldsItsNumber(store, first, second);
            long cursor = run.cursor();
            List<PulledChange> meanwhile = run.meanwhile();
            ChangeResult slowResult = run.slow();
            ChangeResult fastResult = run.fast();

            assertThat(meanwhile).as("nothing is visible while the lower number is uncommitted").isEmpty();
            assertThat(fastResult.seq()).isGreaterThan(slowResult.seq());
            assertThat(pullAll(store, COACH.id(), cursor)).extracting(PulledChange::recordId)
                    .containsExactly(first.recordId(), second.recordId());
        }
    }

    /** What a pull from {@code cursor} saw while the first push held its number uncommitted, and both pushes' answers. */
    private record Interleaved(long cursor, List<PulledChange> meanwhile, ChangeResult slow, ChangeResult fast) {
    }

    /**
     * Pushes {@code first} and holds its transaction open once it has its number, pushes
     * {@code second} meanwhile, pulls from the coach's last cursor, then lets the first commit.
     */
    private static Interleaved pushWhileTheFirstHoldsItsNumber(ServerStore store, Change first, Change second) throws Exception {
        long cursor = pullAll(store, COACH.id(), 0).stream().mapToLong(PulledChange::seq).max().orElse(0);
        CountDownLatch firstHasItsNumber = new CountDownLatch(1);
        CountDownLatch letFirstCommit = new CountDownLatch(1);

        CompletableFuture<ChangeResult> slow = CompletableFuture.supplyAsync(() -> store.push(COACH.id(), null, List.of(first), () -> {
            firstHasItsNumber.countDown();
            await(letFirstCommit);
        }).get(0));
        assertThat(firstHasItsNumber.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ChangeResult> fast = CompletableFuture.supplyAsync(() -> store.push(COACH.id(), List.of(second)).get(0));
        Thread.sleep(300);

        List<PulledChange> meanwhile = pullAll(store, COACH.id(), cursor);
        letFirstCommit.countDown();
        return new Interleaved(cursor, meanwhile, slow.get(20, TimeUnit.SECONDS), fast.get(20, TimeUnit.SECONDS));
    }

    private static Resident ownResident() {
        return AREA.caseloadOf(COACH.id()).get(3);
    }

    private static Change agreementChange(Resident resident, String description) {
        Agreement agreement = new Agreement(UUID.randomUUID(), resident.id(), UUID.randomUUID(), description,
                AgreementOwner.COACH, null, TODAY.plusWeeks(2), AgreementStatus.OPEN, null, null);
        JsonNode body = Json.mapper().valueToTree(agreement);
        return new Change(UUID.randomUUID(), "agreement", agreement.id(), resident.id(), false, body);
    }

    private static List<PulledChange> pullAll(ServerStore store, UUID coach, long after) {
        List<PulledChange> all = new ArrayList<>();
        long cursor = after;
        PullPage page;
        do {
            page = store.pull(coach, cursor, 1_000);
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
