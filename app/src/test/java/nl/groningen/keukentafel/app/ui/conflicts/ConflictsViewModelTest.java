package nl.groningen.keukentafel.app.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.Agreements;
import nl.groningen.keukentafel.app.domain.Referrals;
import nl.groningen.keukentafel.app.ui.SameThreadTasks;
import nl.groningen.keukentafel.app.ui.TestSession;
import nl.groningen.keukentafel.app.ui.sync.InMemorySyncPorts;
import nl.groningen.keukentafel.app.ui.sync.SyncStatus;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.ReferenceItem;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;
import org.junit.jupiter.api.Test;

/** The conflicts screen without a toolkit: what a card says, and what keeping a value does. */
class ConflictsViewModelTest {

    private static final String SAVE_FAILED = "Opslaan is niet gelukt; er is niets verloren gegaan van wat al was opgeslagen."
            + " Probeer het opnieuw; blijft het misgaan, neem dan contact op met functioneel beheer.";

    private final TestSession test = new TestSession();
    private final InMemorySyncPorts store = new InMemorySyncPorts();
    private final SyncStatus status = new SyncStatus(store, store, store, store, test.session(), new SameThreadTasks(), true);
    private final Resident resident = TestSession.demo().residents().get(11);
    private final Agreement agreement = Agreements.make(UUID.randomUUID(), resident.id(), UUID.randomUUID(),
            "Formulier samen invullen", AgreementOwner.COACH, null, test.session().today().plusDays(7), null);

    ConflictsViewModelTest() {
        test.caseload().put(resident.id(), test.caseload().recordsOf(resident.id()).withAgreement(agreement));
    }

    /** The screen opened once the store's conflicts are read, as after the status bar's first reading. */
    private ConflictsViewModel screen() {
        status.reload();
        return new ConflictsViewModel(status, test.session());
    }

    private Conflict onTheAgreement(String field, JsonNode office, JsonNode laptop) {
        return new Conflict(UUID.randomUUID(), resident.id(), "agreement", agreement.id(), field, office, laptop,
                Instant.parse("2026-11-22T08:00:00Z"));
    }

    private Conflict dueDates() {
        return onTheAgreement("due_date", TextNode.valueOf("2026-12-01"), TextNode.valueOf("2026-12-15"));
    }

    @Test
    void aConflictOnAnAgreementsDueDateShowsBothDatesInDutchAndWhichAgreementItIs() {
        store.withConflict(dueDates());

        assertThat(screen().entries()).singleElement().satisfies(entry -> {
            assertThat(entry.resident()).isEqualTo(resident.fullName());
            assertThat(entry.record()).isEqualTo("Afspraak: Formulier samen invullen");
            assertThat(entry.field()).isEqualTo("Klaar op");
            assertThat(entry.serverValue()).isEqualTo("01-12-2026");
            assertThat(entry.laptopValue()).isEqualTo("15-12-2026");
        });
    }

    @Test
    void keepingTheLaptopsValueStoresItAndTheEntryGoes() {
        Conflict conflict = dueDates();
        store.withConflict(conflict);
        ConflictsViewModel model = screen();

        model.keepLaptop(model.entries().get(0));

        assertThat(store.resolved()).containsExactly(new InMemorySyncPorts.Resolved(conflict, TextNode.valueOf("2026-12-15")));
        assertThat(model.entries()).isEmpty();
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(status.waitingProperty().get()).as("the choice waits to be sent").isEqualTo(1);
    }

    @Test
    void keepingTheServersValueStoresThatOneAndLeavesTheOtherConflicts() {
        Conflict dates = dueDates();
        Conflict descriptions = onTheAgreement("description", TextNode.valueOf("Formulier opsturen"),
                TextNode.valueOf("Formulier samen invullen"));
        store.withConflict(dates).withConflict(descriptions);
        ConflictsViewModel model = screen();

        model.keepServer(model.entries().get(1));

        assertThat(store.resolved()).containsExactly(new InMemorySyncPorts.Resolved(descriptions, TextNode.valueOf("Formulier opsturen")));
        assertThat(model.entries()).extracting(ConflictsViewModel.Entry::field).containsExactly("Klaar op");
    }

    @Test
    void aChoiceThatCannotBeStoredSaysSoAndTheConflictStaysToBeChosenAgain() {
        store.withConflict(dueDates());
        ConflictsViewModel model = screen();
        store.failing(true);

        model.keepLaptop(model.entries().get(0));

        assertThat(model.problemProperty().get()).isEqualTo(SAVE_FAILED);
        assertThat(model.entries()).hasSize(1);

        store.failing(false);
        model.keepLaptop(model.entries().get(0));

        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.entries()).isEmpty();
    }

    @Test
    void anEmptyValueIsSaidToBeEmptyAndOtherTextShowsAsItIs() {
        store.withConflict(onTheAgreement("description", NullNode.getInstance(), TextNode.valueOf("Formulier opsturen")))
                .withConflict(onTheAgreement("description", TextNode.valueOf(""), BooleanNode.TRUE));

        assertThat(screen().entries()).extracting(ConflictsViewModel.Entry::serverValue, ConflictsViewModel.Entry::laptopValue)
                .containsExactly(tuple("(leeg)", "Formulier opsturen"),
                        tuple("(leeg)", "true"));
    }

    @Test
    void aReferralIsNamedByItsPartner() {
        ReferenceItem partner = test.session().reference().partners().get(0);
        Referral referral = Referrals.make(UUID.randomUUID(), resident.id(), UUID.randomUUID(), partner.code(), false,
                test.session().today().minusDays(7), test.session().today().plusDays(21), null);
        test.caseload().put(resident.id(), test.caseload().recordsOf(resident.id()).withReferral(referral));
        store.withConflict(new Conflict(UUID.randomUUID(), resident.id(), "referral", referral.id(), "check_on",
                TextNode.valueOf("2026-12-13"), TextNode.valueOf("2026-12-20"), Instant.parse("2026-11-22T08:00:00Z")));

        assertThat(screen().entries()).singleElement().satisfies(entry -> {
            assertThat(entry.record()).isEqualTo("Verwijzing: " + partner.labelNl());
            assertThat(entry.field()).isEqualTo("Nagaan op");
        });
    }

    @Test
    void aFieldInsideAListIsNamedByItsLastPartAndWhatTheBundleDoesNotKnowByItsOwnName() {
        UUID goal = UUID.randomUUID();
        store.withConflict(new Conflict(UUID.randomUUID(), resident.id(), "development_plan", UUID.randomUUID(),
                        "goals/" + goal + "/description", TextNode.valueOf("Schulden op orde"), TextNode.valueOf("Werk vinden"),
                        Instant.parse("2026-11-22T08:00:00Z")))
                .withConflict(new Conflict(UUID.randomUUID(), resident.id(), "budget", UUID.randomUUID(), "limit",
                        TextNode.valueOf("100"), TextNode.valueOf("120"), Instant.parse("2026-11-22T08:01:00Z")));

        assertThat(screen().entries()).extracting(ConflictsViewModel.Entry::record, ConflictsViewModel.Entry::field)
                .containsExactly(tuple("Ontwikkelplan", "Wat"),
                        tuple("budget", "limit"));
    }

    @Test
    void aConflictThatArrivesWhileTheScreenIsOpenShowsThere() {
        ConflictsViewModel model = screen();
        assertThat(model.entries()).isEmpty();

        store.withConflict(dueDates());
        status.reload();

        assertThat(model.entries()).extracting(ConflictsViewModel.Entry::laptopValue).containsExactly("15-12-2026");
    }
}
