package nl.groningen.keukentafel.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.Conversations;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.domain.SyncState;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.app.store.TestLocalStores;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finalised conversations past the laptop's retention (12 months here) leave it after a
 * successful sync, on a fixed clock; younger ones, drafts, ones with a change still waiting and
 * everything else of the resident stay.
 */
class ConversationRetentionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final Dataset DEMO = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);
    private static final Coach COACH = DEMO.coaches().get(0);

    @TempDir
    Path folder;
    private LocalStore laptop;
    private Resident resident;
    private final List<PulledChange> onTheServer = new ArrayList<>();

    @BeforeEach
    void aLaptopWithACaseload() {
        laptop = TestLocalStores.create(folder.resolve("laptop.db"), "wachtwoord".toCharArray());
        DemoProfile.fill(laptop, DEMO, COACH, true);
        laptop.syncState().saveEnrolment(new SyncState.Enrolled("test://server", UUID.nameUUIDFromBytes(new byte[] {1}), "token"));
        resident = laptop.sealedRecords().residents().stream()
                .filter(r -> !laptop.sealedRecords().caseload().recordsOf(r.id()).agreements().isEmpty()).findFirst().orElseThrow();
    }

    @AfterEach
    void close() {
        laptop.close();
    }

    @Test
    void aFinalisedConversationThirteenMonthsOldLeavesAndOneElevenMonthsOldStays() throws Exception {
        Conversation old = finalised(TODAY.minusMonths(13));
        Conversation recent = finalised(TODAY.minusMonths(11));
        onTheServer.add(pulled(1, old));
        onTheServer.add(pulled(2, recent));
        ResidentRecords before = laptop.sealedRecords().caseload().recordsOf(resident.id());

        SyncEngine.Outcome outcome = engine(laptopPorts()).syncOnce((done, total) -> { });

        ResidentRecords after = laptop.sealedRecords().caseload().recordsOf(resident.id());
        assertThat(after.conversations()).extracting(Conversation::id).contains(recent.id()).doesNotContain(old.id());
        assertThat(after.conversations()).as("the demo's own history past the retention went too")
                .allMatch(c -> !c.date().isBefore(TODAY.minusMonths(12)));
        assertThat(after.agreements()).as("agreements stay").containsExactlyInAnyOrderElementsOf(before.agreements());
        assertThat(after.referrals()).as("referrals stay").containsExactlyInAnyOrderElementsOf(before.referrals());
        assertThat(after.plan()).isEqualTo(before.plan());
        assertThat(outcome.changedResidents()).as("the screens re-read the resident").contains(resident.id());
    }

    @Test
    void aDraftAndAConversationWithAChangeStillWaitingStay() throws Exception {
        ConversationDraft draft = new ConversationDraft(
                Conversations.newDraft(UUID.randomUUID(), resident, COACH.id(), TODAY.minusMonths(14), true), List.of(), List.of());
        laptop.recordWriter().saveDraft(draft);
        ConversationDraft late = new ConversationDraft(
                Conversations.newDraft(UUID.randomUUID(), resident, COACH.id(), TODAY.minusMonths(13), true), List.of(), List.of());
        // The coach finalises an old conversation while the sync runs: after the push, so its change still waits.
        ForwardingLedger coachFinalisesMeanwhile = new ForwardingLedger(laptop) {
            private boolean done;

            @Override
            public Set<UUID> applyPulled(List<PulledChange> changes, long nextCursor) {
                if (!done) {
                    done = true;
                    Conversation finalised = Conversations.finalise(late.conversation());
                    laptop.recordWriter().saveDraft(late);
                    laptop.recordWriter().finalise(late, finalised, Conversations.applyTo(resident, finalised));
                }
                return super.applyPulled(changes, nextCursor);
            }
        };

        engine(coachFinalisesMeanwhile).syncOnce((done, total) -> { });

        ResidentRecords after = laptop.sealedRecords().caseload().recordsOf(resident.id());
        assertThat(after.drafts()).extracting(d -> d.conversation().id()).contains(draft.conversation().id());
        assertThat(after.conversations()).extracting(Conversation::id).as("its change has not been sent yet")
                .contains(late.conversation().id());

        engine(laptopPorts()).syncOnce((done, total) -> { });

        assertThat(laptop.outbox().waiting()).isZero();
        assertThat(laptop.sealedRecords().caseload().recordsOf(resident.id()).conversations()).extracting(Conversation::id)
                .as("sent, it leaves at the next sync").doesNotContain(late.conversation().id());
    }

    @Test
    void anOldConversationPulledAgainLaterLeavesAgainAtTheNextSync() throws Exception {
        Conversation old = finalised(TODAY.minusMonths(13));
        onTheServer.add(pulled(1, old));
        engine(laptopPorts()).syncOnce((done, total) -> { });
        onTheServer.add(pulled(2, old)); // a move delivers the resident's history anew

        ForwardingLedger watching = new ForwardingLedger(laptop) {
            @Override
            public Set<UUID> applyPulled(List<PulledChange> changes, long nextCursor) {
                Set<UUID> changed = super.applyPulled(changes, nextCursor);
                assertThat(laptop.sealedRecords().caseload().recordsOf(resident.id()).conversations())
                        .as("pulled again").extracting(Conversation::id).contains(old.id());
                return changed;
            }
        };
        engine(watching).syncOnce((done, total) -> { });

        assertThat(laptop.sealedRecords().caseload().recordsOf(resident.id()).conversations()).extracting(Conversation::id)
                .doesNotContain(old.id());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private ForwardingLedger laptopPorts() {
        return new ForwardingLedger(laptop) { };
    }

    private SyncEngine engine(ForwardingLedger ports) {
        return new SyncEngine(ports, ports, ports, ports, enrolled -> new Server(), CLOCK, laptop.retainedConversations(), 12);
    }

    private Conversation finalised(LocalDate date) {
        return Conversations.finalise(Conversations.newDraft(UUID.randomUUID(), resident, COACH.id(), date, true));
    }

    private static PulledChange pulled(long seq, Conversation c) {
        return new PulledChange(seq, RecordKind.CONVERSATION.wireName(), c.id(), c.residentId(), false, Json.mapper().valueToTree(c));
    }

    /** Applies every push; its pulls are what the test put on it. */
    private final class Server implements SyncTransport {
        @Override
        public PushResponse push(PushRequest request) {
            return new PushResponse(request.changes().stream()
                    .map(c -> new ChangeResult(c.changeId(), ChangeStatus.APPLIED, 1_000L, null)).toList());
        }

        @Override
        public PullPage pull(long after, int limit) {
            List<PulledChange> page = onTheServer.stream().filter(c -> c.seq() > after).toList();
            return new PullPage(page, page.isEmpty() ? after : page.get(page.size() - 1).seq(), false);
        }
    }
}
