package nl.groningen.keukentafel.app.ui.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.Agreements;
import nl.groningen.keukentafel.app.domain.Due;
import nl.groningen.keukentafel.app.domain.OpenItem;
import nl.groningen.keukentafel.app.domain.Referrals;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.ui.RecordingNavigator;
import nl.groningen.keukentafel.app.ui.ResidentLine;
import nl.groningen.keukentafel.app.ui.TestSession;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.Resident;
import org.junit.jupiter.api.Test;

/** Openstaand without a toolkit: the lines the coach reads, their marks, the choice of kind. */
class OpenItemsViewModelTest {

    private final TestSession test = new TestSession();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final LocalDate today = test.session().today();
    private final Resident resident = TestSession.demo().residents().get(11);

    private void record(java.util.function.UnaryOperator<ResidentRecords> change) {
        test.caseload().put(resident.id(), change.apply(test.caseload().recordsOf(resident.id())));
    }

    private OpenItemsViewModel openItems() {
        return new OpenItemsViewModel(test.session(), navigator);
    }

    @Test
    void anAgreementReadsWhoDoesWhatByWhenAndAReferralThePartnerItsStandAndItsCheckDate() {
        record(r -> r.withAgreement(Agreements.make(UUID.randomUUID(), resident.id(), UUID.randomUUID(), "Formulier opsturen",
                AgreementOwner.COACH, null, today.minusDays(1), null)));
        String partner = test.session().reference().partners().get(0).code();
        record(r -> r.withReferral(Referrals.make(UUID.randomUUID(), resident.id(), UUID.randomUUID(), partner, false,
                today.minusDays(28), today.plusDays(3), null)));

        assertThat(openItems().lines()).filteredOn(l -> l.residentId().equals(resident.id()))
                .extracting(ResidentLine::text, ResidentLine::due)
                .contains(tuple(resident.fullName() + " – afspraak: Formulier opsturen (wie: Coach) – uiterlijk 21-11-2026", Due.LATE),
                        tuple(resident.fullName() + " – verwijzing naar "
                                + test.session().label(test.session().reference().partners(), partner)
                                + " (verwezen) – nagaan op 25-11-2026", Due.SOON));
    }

    @Test
    void theLinesGoTheFirstDueFirstAndTheChoiceOfKindNarrowsThem() {
        OpenItemsViewModel model = openItems();
        int all = model.lines().size();

        assertThat(model.lines()).extracting(ResidentLine::due).isSortedAccordingTo(Enum::compareTo);
        model.kindProperty().set(OpenItem.Kind.AGREEMENT);
        assertThat(model.lines()).isNotEmpty().allMatch(l -> l.text().contains(" – afspraak: "));
        int agreements = model.lines().size();
        model.kindProperty().set(OpenItem.Kind.REFERRAL);
        assertThat(model.lines()).isNotEmpty().allMatch(l -> l.text().contains(" – verwijzing naar "));
        assertThat(agreements + model.lines().size()).isEqualTo(all);
        assertThat(model.countProperty().get()).isEqualTo(model.lines().size() + " open");
        assertThat(model.kindLabel(null)).isEqualTo("Afspraken en verwijzingen");
    }

    @Test
    void openingALineShowsTheResidentsDossier() {
        openItems().open(resident.id());

        assertThat(navigator.shown()).isEqualTo(new RecordingNavigator.Screen("dossier", resident.id()));
    }
}
