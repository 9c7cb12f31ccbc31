package nl.groningen.keukentafel.app.ui.today;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.Agreements;
import nl.groningen.keukentafel.app.domain.Appointments;
import nl.groningen.keukentafel.app.domain.Due;
import nl.groningen.keukentafel.app.domain.Referrals;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.ui.RecordingNavigator;
import nl.groningen.keukentafel.app.ui.ResidentLine;
import nl.groningen.keukentafel.app.ui.TestSession;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.Place;
import nl.groningen.keukentafel.contract.Resident;
import org.junit.jupiter.api.Test;

/** Vandaag without a toolkit: what the coach starts the day with, in the words they read. */
class TodayViewModelTest {

    private final TestSession test = new TestSession();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final LocalDate today = test.session().today();
    private final Resident resident = TestSession.demo().residents().get(11);

    private TodayViewModel vandaag() {
        return new TodayViewModel(test.session(), navigator);
    }

    private void record(java.util.function.UnaryOperator<ResidentRecords> change) {
        test.caseload().put(resident.id(), change.apply(test.caseload().recordsOf(resident.id())));
    }

    @Test
    void theDayStartsWithItsDate() {
        assertThat(vandaag().title()).isEqualTo("Vandaag, zondag 22 november 2026");
    }

    @Test
    void aVisitPlannedForTodayShowsAtItsTime() {
        record(r -> r.withAppointment(Appointments.visit(UUID.randomUUID(), resident.id(), today, LocalTime.of(16, 45),
                test.session().zone(), Place.HOME)));

        assertThat(vandaag().appointments()).extracting(ResidentLine::text)
                .anyMatch(t -> t.startsWith("16:45  " + resident.fullName() + " – " + resident.address()));
    }

    @Test
    void theCoachsOwnAgreementPastItsDateShowsButTheResidentsDoesNot() {
        record(r -> r.withAgreement(Agreements.make(UUID.randomUUID(), resident.id(), UUID.randomUUID(), "Formulier opsturen",
                AgreementOwner.COACH, null, today.minusDays(1), null)));
        record(r -> r.withAgreement(Agreements.make(UUID.randomUUID(), resident.id(), UUID.randomUUID(), "Zelf bellen",
                AgreementOwner.RESIDENT, null, today.minusDays(1), null)));

        assertThat(vandaag().overdueAgreements()).extracting(ResidentLine::text)
                .contains("Formulier opsturen – " + resident.fullName() + " (was uiterlijk 21-11-2026)")
                .noneMatch(t -> t.startsWith("Zelf bellen"));
    }

    @Test
    void aReferralWhoseCheckDateHasComeShows() {
        record(r -> r.withReferral(Referrals.make(UUID.randomUUID(), resident.id(), UUID.randomUUID(),
                test.session().reference().partners().get(0).code(), false, today.minusDays(28), today, null)));

        assertThat(vandaag().referralsToCheck()).extracting(ResidentLine::text)
                .anyMatch(t -> t.endsWith(resident.fullName() + " (nagaan op 22-11-2026)"));
    }

    @Test
    void aContactPastItsDateIsMarkedLateOneDueWithinFourteenDaysSoon() {
        Resident late = resident.withContact(6, Initiative.COACH, resident.outreachStatus(), today.minusDays(1));
        Resident soon = TestSession.demo().residents().get(12);
        soon = soon.withContact(6, Initiative.RESIDENT, soon.outreachStatus(), today.plusDays(3));
        test.caseload().put(late);
        test.caseload().put(soon);

        TodayViewModel model = vandaag();

        assertThat(model.contactsDue()).extracting(ResidentLine::text, ResidentLine::due)
                .contains(tuple(late.fullName() + " – contact was uiterlijk 21-11-2026 (initiatief: "
                        + test.messages().text("initiative.coach") + ")", Due.LATE))
                .contains(tuple(soon.fullName() + " – contact uiterlijk 25-11-2026 (initiatief: "
                        + test.messages().text("initiative.resident") + ")", Due.SOON));
    }

    @Test
    void theCoachsAgreementPastItsDateIsMarkedLateAReferralToCheckTodaySoon() {
        record(r -> r.withAgreement(Agreements.make(UUID.randomUUID(), resident.id(), UUID.randomUUID(), "Formulier opsturen",
                AgreementOwner.COACH, null, today.minusDays(1), null)));
        record(r -> r.withReferral(Referrals.make(UUID.randomUUID(), resident.id(), UUID.randomUUID(),
                test.session().reference().partners().get(0).code(), false, today.minusDays(28), today, null)));

        TodayViewModel model = vandaag();

        assertThat(model.overdueAgreements()).filteredOn(l -> l.text().startsWith("Formulier opsturen"))
                .singleElement().extracting(ResidentLine::due).isEqualTo(Due.LATE);
        assertThat(model.referralsToCheck()).filteredOn(l -> l.text().endsWith(resident.fullName() + " (nagaan op 22-11-2026)"))
                .singleElement().extracting(ResidentLine::due).isEqualTo(Due.SOON);
    }

    @Test
    void openingALineShowsTheResidentsDossier() {
        vandaag().open(resident.id());

        assertThat(navigator.shown()).isEqualTo(new RecordingNavigator.Screen("dossier", resident.id()));
    }
}
