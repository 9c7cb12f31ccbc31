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
import nl.groningen.keukentafel.app.domain.SyncState;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.app.store.TestLocalStores;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.Change;
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
 * A sync that meets an erased resident, against a server that answers as the contract says
 * (a push's {@code erased}, a pulled {@code resident_erased}): the laptop lets the resident go
 * and carries on with everything else, and the outcome counts them for the coach.
 */
class ErasureSyncTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final Dataset DEMO = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);

    @TempDir
    Path folder;
    private LocalStore laptop;
    private final ErasingServer server = new ErasingServer();
    private Resident erased;
    private List<Resident> others;

    @BeforeEach
    void aLaptopWithChangesForThreeResidents() {
        laptop = TestLocalStores.create(folder.resolve("laptop.db"), "wachtwoord".toCharArray());
        DemoProfile.fill(laptop, DEMO, DEMO.coaches().get(0), true);
        laptop.syncState().saveEnrolment(new SyncState.Enrolled("test://server", UUID.nameUUIDFromBytes(new byte[] {1}), "token"));
        List<Resident> withAgreements = laptop.sealedRecords().residents().stream()
                .filter(r -> !laptop.sealedRecords().caseload().recordsOf(r.id()).agreements().isEmpty()).limit(3).toList();
        erased = withAgreements.get(1); // in the middle of the batch: the changes after it must still be answered
        others = List.of(withAgreements.get(0), withAgreements.get(2));
        for (Resident r : withAgreements) {
            Agreement a = laptop.sealedRecords().caseload().recordsOf(r.id()).agreements().get(0);
            laptop.recordWriter().saveAgreement(new Agreement(a.id(), a.residentId(), a.conversationId(), "bijgewerkt", a.owner(),
                    a.partner(), a.dueDate(), AgreementStatus.OPEN, null, a.socialMapEntry()));
        }
        assertThat(laptop.outbox().waiting()).isEqualTo(3);
    }

    @AfterEach
    void close() {
        laptop.close();
    }

    @Test
    void aChangeAnsweredErasedIsDroppedWithItsResidentAndTheOthersAreAcknowledgedAsAlways() throws Exception {
        server.erasedResidents.add(erased.id());

        SyncEngine.Outcome outcome = engine().syncOnce((done, total) -> { });

        assertThat(outcome.erased()).isEqualTo(1);
        assertThat(outcome.pushed()).as("the other residents' changes went through").isEqualTo(2);
        assertThat(outcome.refused()).as("an erased change is not a refusal").isZero();
        assertThat(outcome.changedResidents()).contains(erased.id());
        assertThat(server.pushedFor).containsExactly(others.get(0).id(), erased.id(), others.get(1).id());
        assertThat(laptop.outbox().waiting()).as("nothing held up, nothing to retry").isZero();
        assertThat(laptop.outbox().refusals()).isEmpty();
        assertThat(laptop.outbox().sentKept()).isEqualTo(2);
        assertThat(laptop.sealedRecords().residents()).extracting(Resident::id)
                .doesNotContain(erased.id()).containsAll(others.stream().map(Resident::id).toList());
        assertThat(laptop.sealedRecords().records()).doesNotContainKey(erased.id());

        SyncEngine.Outcome next = engine().syncOnce((done, total) -> { });
        assertThat(next.erased()).as("told once").isZero();
        assertThat(server.pushedFor).as("the erased change is not sent again").hasSize(3);
    }

    @Test
    void aPulledErasureIsNotPushedFirstAndIsCountedOnceWhenThePushAlsoSaidSo() throws Exception {
        server.erasedResidents.add(erased.id());
        server.pulled.add(new PulledChange(5, RecordKind.RESIDENT_ERASED.wireName(), erased.id(), erased.id(), false, null));
        server.pulled.add(new PulledChange(6, RecordKind.RESIDENT_ERASED.wireName(), UUID.randomUUID(), UUID.randomUUID(), false, null));
        // The coach saves for the erased resident after the push, just before the page commits (a move would push it first).
        ForwardingLedger coachSavesMeanwhile = new ForwardingLedger(laptop) {
            private boolean saved;

            @Override
            public Set<UUID> applyPulled(List<PulledChange> changes, long nextCursor) {
                if (!saved) {
                    saved = true;
                    laptop.recordWriter().saveResident(SyncEngineTest.withPhone(erased, "06-99990000"));
                }
                return super.applyPulled(changes, nextCursor);
            }
        };

        SyncEngine.Outcome outcome = coachSavesMeanwhile.engine(enrolled -> server, CLOCK).syncOnce((done, total) -> { });

        assertThat(outcome.erased()).as("one resident, erased in the push's answer and in the pull; a stranger is not counted")
                .isEqualTo(1);
        assertThat(server.pushedFor).as("the change saved meanwhile was not pushed").hasSize(3);
        assertThat(laptop.outbox().waiting()).as("and it is gone with the resident").isZero();
        assertThat(laptop.sealedRecords().residents()).extracting(Resident::id).doesNotContain(erased.id());
        assertThat(laptop.pulledPages().cursor()).isEqualTo(6);
    }

    private SyncEngine engine() {
        return new SyncEngine(laptop.outbox(), laptop.pulledPages(), laptop.syncState(), laptop.referenceTable(),
                enrolled -> server, CLOCK);
    }

    /** A server that erased some residents: it answers their changes {@code erased} and the rest {@code applied}. */
    private static final class ErasingServer implements SyncTransport {
        final Set<UUID> erasedResidents = new java.util.HashSet<>();
        final List<PulledChange> pulled = new ArrayList<>();
        final List<UUID> pushedFor = new ArrayList<>();
        boolean holdPushes;
        private long seq = 100;

        @Override
        public PushResponse push(PushRequest request) throws SyncException {
            if (holdPushes) {
                throw new SyncException(SyncFailure.OFFLINE, "test: offline", null);
            }
            List<ChangeResult> results = new ArrayList<>();
            for (Change change : request.changes()) {
                pushedFor.add(change.residentId());
                results.add(erasedResidents.contains(change.residentId())
                        ? new ChangeResult(change.changeId(), ChangeStatus.ERASED, null, null)
                        : new ChangeResult(change.changeId(), ChangeStatus.APPLIED, ++seq, null));
            }
            return new PushResponse(results);
        }

        @Override
        public PullPage pull(long after, int limit) {
            List<PulledChange> page = pulled.stream().filter(c -> c.seq() > after).toList();
            long next = page.isEmpty() ? after : page.get(page.size() - 1).seq();
            return new PullPage(page, next, false);
        }
    }
}
