package nl.groningen.keukentafel.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.StoreKind;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(TestStores.class)
class ServerStoreTest {

    private static final Dataset DEMO =
            new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, LocalDate.of(2026, 11, 22)).generate(DatasetSize.DEMO);

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void importedCaseloadReadsBackForItsCoach(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(DEMO);

            Coach coach = DEMO.coaches().get(0);
            List<Resident> expected = DEMO.caseloadOf(coach.id()).stream()
                    .sorted(Comparator.comparing(Resident::clientNumber)).toList();
            assertThat(store.kind()).isEqualTo(kind);
            assertThat(store.countResidents()).isEqualTo(150);
            assertThat(store.caseloadOf(coach.id())).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aFailedImportLeavesNothingHalfStored(StoreKind kind, TestStores stores) {
        List<Resident> residents = new ArrayList<>(DEMO.residents());
        residents.add(residents.get(0)); // the same resident twice: the import must fail as a whole
        Dataset broken = new Dataset(DEMO.coaches(), residents, DEMO.contactAttempts(), DEMO.appointments(),
                DEMO.conversations(), DEMO.agreements(), DEMO.referrals(), DEMO.developmentPlans(), DEMO.socialMap());

        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            assertThatThrownBy(() -> store.importDataset(broken)).isInstanceOf(StoreException.class);
            assertThat(store.countResidents()).isZero();
            assertThat(store.caseloadOf(DEMO.coaches().get(0).id())).isEmpty();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void reopeningKeepsTheDataAndTheSchemaVersion(StoreKind kind, TestStores stores) {
        StoreSettings settings = stores.fresh(kind);
        try (ServerStore store = ServerStore.open(settings)) {
            store.importDataset(DEMO);
        }
        try (ServerStore store = ServerStore.open(settings)) {
            assertThat(store.schemaVersion()).isEqualTo(TestStores.latestMigration());
            assertThat(store.countResidents()).isEqualTo(150);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void theEpochStaysAcrossRestartsAndIsNewAfterARestore(StoreKind kind, TestStores stores) {
        StoreSettings settings = stores.fresh(kind);
        String first;
        try (ServerStore store = ServerStore.open(settings)) {
            first = store.epoch();
            assertThat(java.util.UUID.fromString(first)).isNotNull();
            assertThat(store.pull(null, 0, 10).serverEpoch()).isEqualTo(first);
        }
        String restored;
        try (ServerStore store = ServerStore.open(settings)) {
            assertThat(store.epoch()).as("a restart is no restore").isEqualTo(first);
            store.continueAfterRestore(store.lastSequence()); // what restore and mark-restored do
            restored = store.epoch();
            assertThat(restored).isNotEqualTo(first);
            assertThat(store.pull(null, 0, 10).serverEpoch()).isEqualTo(restored);
        }
        try (ServerStore store = ServerStore.open(settings)) {
            assertThat(store.epoch()).isEqualTo(restored);
        }
    }
}
