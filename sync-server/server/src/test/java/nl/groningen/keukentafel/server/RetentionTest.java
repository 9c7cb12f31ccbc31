package nl.groningen.keukentafel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.office.AuditEntry;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.CaseloadCsv;
import nl.groningen.keukentafel.server.domain.CaseloadImportResult;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.http.ErasureTest;
import nl.groningen.keukentafel.server.storage.CaseloadImport;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retention with a fixed clock: the caseload import marks leavers, and the daily housekeeping erases
 * the one whose period has passed and keeps the one still inside it.
 */
@ExtendWith(TestStores.class)
class RetentionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-08T03:00:00Z"), ZoneOffset.UTC);
    private static final Dataset AREA = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY.minusMonths(30))
            .generate(DatasetSize.AREA);

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aResidentWhoLeftLongerAgoThanThePeriodIsErasedAndOneInsideItIsNot(StoreKind kind, TestStores stores) throws Exception {
        StoreSettings settings = stores.fresh(kind);
        try (ServerStore store = ServerStore.open(settings)) {
            store.importDataset(AREA);
            Resident expired = AREA.residents().get(0);
            Resident inside = AREA.residents().get(1);
            Resident staying = AREA.residents().get(2);
            String csv = "client_number;first_name;last_name;street;house_number;postcode;wijk;left_group_on\n"
                    + row(expired, "07-12-2024") + row(inside, TODAY.minusMonths(23).toString()) + row(staying, "");
            CaseloadCsv.Parsed parsed = CaseloadCsv.read(new StringReader(csv), TODAY);
            assertThat(parsed.problems()).isEmpty();
            CaseloadImportResult imported = new CaseloadImport(store).run(parsed.rows(), parsed.problems(), null, false);
            assertThat(imported.leftGroup()).isEqualTo(2);
            long cursor = store.lastSequence();

            Housekeeping.Outcome outcome = Housekeeping.runOnce(store, 24, CLOCK);

            assertThat(outcome.residentsErased()).isEqualTo(1);
            assertThat(store.isErased(expired.id())).isTrue();
            assertThat(ErasureTest.leftovers(settings, expired)).isEmpty();
            assertThat(store.auditTrail(expired.id()).entries()).filteredOn(e -> e.action() == AuditAction.ERASED)
                    .extracting(AuditEntry::userName).containsExactly((String) null);
            assertThat(store.pull(expired.coachId(), cursor, 100).changes()).extracting(PulledChange::kind, PulledChange::residentId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(RecordKind.RESIDENT_ERASED.wireName(), expired.id()));
            for (Resident kept : List.of(inside, staying)) {
                assertThat(store.isErased(kept.id())).isFalse();
                assertThat(ErasureTest.leftovers(settings, kept)).isNotEmpty();
            }

            assertThat(Housekeeping.runOnce(store, 24, CLOCK).residentsErased()).as("the next day's run: nothing new").isZero();
            assertThat(Housekeeping.runOnce(store, 24, Clock.offset(CLOCK, java.time.Duration.ofDays(62))).residentsErased())
                    .as("two months on, the second leaver's period has passed").isEqualTo(1);
            assertThat(store.isErased(inside.id())).isTrue();
            assertThat(store.isErased(staying.id())).isFalse();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aLeaveDateInTheFutureOrNotADateIsRefusedWithItsLine(StoreKind kind, TestStores stores) {
        String csv = "client_number;first_name;last_name;street;house_number;postcode;wijk;left_group_on\n"
                + row(AREA.residents().get(0), "2027-01-01") + row(AREA.residents().get(1), "gisteren");
        assertThat(CaseloadCsv.read(new StringReader(csv), TODAY).problems()).extracting(Object::toString)
                .anyMatch(p -> p.contains("regel 2") && p.contains("toekomst"))
                .anyMatch(p -> p.contains("regel 3") && p.contains("geen datum"));
    }

    private static String row(Resident resident, String leftGroupOn) {
        return String.join(";", resident.clientNumber(), resident.givenName(), resident.surname(), resident.street(),
                resident.houseNumber(), resident.postcode(), resident.wijk(), leftGroupOn) + "\n";
    }
}
