package nl.groningen.keukentafel.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.SyncState;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.app.store.TestLocalStores;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync engine between a laptop's real store and the real server store, with nothing in between but what a test adds. */
class SyncEngineTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final Dataset DEMO = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);
    static final Coach SANNE = DEMO.coaches().get(0);
    static final Coach PIETER = new Coach(UUID.nameUUIDFromBytes("test/pieter".getBytes(StandardCharsets.UTF_8)),
            "Pieter Proef", SANNE.area());

    @TempDir
    Path folder;

    /** Found by the sync simulation: the page was refused (a "local database" failure) and the sync stopped. */
    @Test
    void aSaveLandingAfterTheCheckAndBeforeAPageThatMovesTheResidentAwayIsSentFirst() throws Exception {
        try (ServerStore server = ServerStore.open(StoreSettings.embedded(folder));
             LocalStore laptop = TestLocalStores.create(folder.resolve("laptop.db"), "wachtwoord".toCharArray())) {
            server.importDataset(twoResidents());
            laptop.syncState().saveEnrolment(new SyncState.Enrolled("test://server", UUID.nameUUIDFromBytes(new byte[] {1}), "token"));
            new SyncEngine(laptop.outbox(), laptop.pulledPages(), laptop.syncState(), laptop.referenceTable(),
                    enrolled -> direct(server, SANNE.id()), CLOCK).syncOnce((done, total) -> { });
            Resident moving = laptop.sealedRecords().residents().stream().min(Comparator.comparing(Resident::id)).orElseThrow();
            server.assign(moving.id(), PIETER.id(), CLOCK.instant());
            // The coach saves while the sync runs: after the engine looked for waiting changes, before the page commits.
            ForwardingLedger coachSavesMeanwhile = new ForwardingLedger(laptop) {
                private boolean saved;

                @Override
                public Set<UUID> applyPulled(List<PulledChange> changes, long nextCursor) {
                    if (!saved) {
                        saved = true;
                        laptop.recordWriter().saveResident(withPhone(moving, "06-11112222"));
                    }
                    return super.applyPulled(changes, nextCursor);
                }
            };

            SyncEngine.Outcome outcome = coachSavesMeanwhile.engine(enrolled -> direct(server, SANNE.id()), CLOCK)
                    .syncOnce((done, total) -> { });

            assertThat(outcome.pushed()).isEqualTo(1);
            assertThat(laptop.outbox().waiting()).isZero();
            assertThat(laptop.sealedRecords().residents()).extracting(Resident::id).doesNotContain(moving.id());
            assertThat(server.caseloadOf(PIETER.id())).filteredOn(r -> r.id().equals(moving.id())).singleElement()
                    .extracting(Resident::phone).as("the change made before the laptop let go is taken").isEqualTo("06-11112222");
        }
    }

    /** Sanne with her first two residents and their records, and Pieter with none yet. */
    static Dataset twoResidents() {
        List<Resident> residents = DEMO.residents().subList(0, 2);
        Set<UUID> ids = Set.of(residents.get(0).id(), residents.get(1).id());
        return new Dataset(List.of(SANNE, PIETER), residents,
                DEMO.contactAttempts().stream().filter(x -> ids.contains(x.residentId())).toList(),
                DEMO.appointments().stream().filter(x -> ids.contains(x.residentId())).toList(),
                DEMO.conversations().stream().filter(x -> ids.contains(x.residentId())).toList(),
                DEMO.agreements().stream().filter(x -> ids.contains(x.residentId())).toList(),
                DEMO.referrals().stream().filter(x -> ids.contains(x.residentId())).toList(),
                DEMO.developmentPlans().stream().filter(x -> ids.contains(x.residentId())).toList(),
                List.of());
    }

    /** The server store as a coach's laptop reaches it, without HTTP. */
    private static SyncTransport direct(ServerStore server, UUID coachId) {
        return new SyncTransport() {
            @Override
            public PushResponse push(PushRequest request) {
                return new PushResponse(server.push(coachId, request.cursor(), request.changes()), server.epoch());
            }

            @Override
            public PullPage pull(long after, int limit) {
                return server.pull(coachId, after, limit);
            }
        };
    }

    static Resident withPhone(Resident r, String phone) {
        return new Resident(r.id(), r.coachId(), r.clientNumber(), r.givenName(), r.surnamePrefix(), r.surname(), r.street(),
                r.houseNumber(), r.postcode(), r.wijk(), r.dateOfBirth(), phone, r.knownAtWij(), r.specialistTeam(),
                r.contactTermMonths(), r.initiative(), r.outreachStatus(), r.nextContactDue());
    }
}
