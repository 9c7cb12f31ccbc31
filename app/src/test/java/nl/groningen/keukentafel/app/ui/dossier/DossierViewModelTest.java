package nl.groningen.keukentafel.app.ui.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Predicate;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.Due;
import nl.groningen.keukentafel.app.domain.Referrals;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.ui.RecordingNavigator;
import nl.groningen.keukentafel.app.ui.TestSession;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.ContactChannel;
import nl.groningen.keukentafel.contract.ContactResult;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Place;
import nl.groningen.keukentafel.contract.PlanStep;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.ReferralStatus;
import nl.groningen.keukentafel.contract.Resident;
import org.junit.jupiter.api.Test;

/**
 * The dossier's state without a toolkit: the plan's steps ticked off, agreements done, referrals
 * followed up with a new check date, visits planned, a conversation corrected.
 */
class DossierViewModelTest {

    private final TestSession test = new TestSession();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final LocalDate today = test.session().today();

    private Resident residentWith(Predicate<ResidentRecords> records) {
        return TestSession.demo().residents().stream().filter(r -> records.test(test.caseload().recordsOf(r.id())))
                .findFirst().orElseThrow();
    }

    private DossierViewModel dossierOf(Resident resident) {
        return new DossierViewModel(test.session(), resident.id(), navigator);
    }

    @Test
    void tickingOffAStepMarksItDoneInThePlanAndTickingAgainUndoesIt() {
        Resident resident = residentWith(r -> r.plan() != null && r.plan().goals().stream().anyMatch(g -> !g.steps().isEmpty()));
        DossierViewModel model = dossierOf(resident);
        PlanStep step = resident(resident).plan().goals().stream().flatMap(g -> g.steps().stream()).findFirst().orElseThrow();
        int line = model.plan().indexOf(test.messages().text(step.done() ? "dossier.planStepDone" : "dossier.planStep",
                step.description()));
        assertThat(line).isPositive();

        model.toggleStep(line);

        assertThat(model.plan().get(line)).isEqualTo(test.messages().text(
                step.done() ? "dossier.planStep" : "dossier.planStepDone", step.description()));
        DevelopmentPlan saved = test.store().written(DevelopmentPlan.class).get(0);
        assertThat(saved.goals().stream().flatMap(g -> g.steps().stream()).filter(s -> s.id().equals(step.id())))
                .singleElement().extracting(PlanStep::done).isEqualTo(!step.done());
        model.toggleStep(line);
        assertThat(model.plan().get(line)).isEqualTo(test.messages().text(
                step.done() ? "dossier.planStepDone" : "dossier.planStep", step.description()));
    }

    @Test
    void aGoalsOwnLineIsNoStepToTickOff() {
        Resident resident = residentWith(r -> r.plan() != null && !r.plan().goals().isEmpty());
        DossierViewModel model = dossierOf(resident);
        List<String> before = List.copyOf(model.plan());

        model.toggleStep(0);
        model.toggleStep(before.size());

        assertThat(model.plan()).containsExactlyElementsOf(before);
        assertThat(test.store().written()).isEmpty();
    }

    @Test
    void aReferralThePartnerAcceptedIsCheckedAgainInFourWeeks() {
        Resident resident = residentWith(r -> r.referrals().stream().anyMatch(x -> x.status() == ReferralStatus.REFERRED));
        DossierViewModel model = dossierOf(resident);
        Referral referral = model.openReferrals().stream().filter(x -> x.status() == ReferralStatus.REFERRED)
                .findFirst().orElseThrow();

        model.markReferral(referral, ReferralStatus.ACCEPTED);

        assertThat(model.messageProperty().get()).isEqualTo(test.messages().text("dossier.referralUpdated"));
        assertThat(model.openReferrals()).filteredOn(x -> x.id().equals(referral.id())).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(ReferralStatus.ACCEPTED);
            assertThat(x.checkOn()).isEqualTo(today.plusDays(28));
        });
    }

    @Test
    void aCompletedReferralLeavesTheOpenListWithItsCheckDateAsItWas() {
        Resident resident = residentWith(r -> r.referrals().stream().anyMatch(x -> x.status() == ReferralStatus.REFERRED));
        DossierViewModel model = dossierOf(resident);
        Referral referral = model.openReferrals().get(0);

        model.markReferral(referral, ReferralStatus.COMPLETED);

        assertThat(model.openReferrals()).noneMatch(x -> x.id().equals(referral.id()));
        assertThat(test.store().written(Referral.class)).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(ReferralStatus.COMPLETED);
            assertThat(x.checkOn()).isEqualTo(referral.checkOn());
        });
    }

    @Test
    void anAgreementMarkedDoneLeavesTheOpenListDoneToday() {
        Resident resident = residentWith(ResidentRecords::hasOpenAgreements);
        DossierViewModel model = dossierOf(resident);
        Agreement agreement = model.openAgreements().get(0);

        model.markAgreementDone(agreement);

        assertThat(model.messageProperty().get()).isEqualTo("Afgerond: " + agreement.description());
        assertThat(model.openAgreements()).noneMatch(a -> a.id().equals(agreement.id()));
        assertThat(test.store().written(Agreement.class)).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AgreementStatus.DONE);
            assertThat(a.doneDate()).isEqualTo(today);
        });
    }

    @Test
    void anAgreementPastItsDateIsMarkedLateOneDueWithinFourteenDaysSoonALaterOneNot() {
        Resident resident = residentWith(ResidentRecords::hasOpenAgreements);
        DossierViewModel model = dossierOf(resident);
        Agreement agreement = model.openAgreements().get(0);

        assertThat(model.agreementDue(withDue(agreement, today.minusDays(1)))).isEqualTo(Due.LATE);
        assertThat(model.agreementDue(withDue(agreement, today.plusDays(14)))).isEqualTo(Due.SOON);
        assertThat(model.agreementDue(withDue(agreement, today.plusDays(15)))).isEqualTo(Due.LATER);
    }

    @Test
    void aNextContactPastItsDateMarksTheContactLineLate() {
        Resident resident = TestSession.demo().residents().get(5);
        test.caseload().put(resident.withContact(6, resident.initiative(), resident.outreachStatus(), today.minusDays(3)));

        DossierViewModel model = dossierOf(resident);

        assertThat(model.details()).contains(model.nextContactLine());
        assertThat(model.nextContactLine()).endsWith("volgend contact: 19-11-2026");
        assertThat(model.nextContactDue()).isEqualTo(Due.LATE);
    }

    @Test
    void aReferralToCheckWithinFourteenDaysIsMarkedSoon() {
        Resident resident = residentWith(r -> r.referrals().stream().anyMatch(Referrals::isOpen));
        DossierViewModel model = dossierOf(resident);
        Referral referral = model.openReferrals().get(0);
        Referral checkToday = new Referral(referral.id(), referral.residentId(), referral.conversationId(), referral.partner(),
                referral.warmHandover(), referral.referredOn(), referral.status(), today, referral.socialMapEntry());

        assertThat(model.referralDue(checkToday)).isEqualTo(Due.SOON);
    }

    private static Agreement withDue(Agreement a, LocalDate due) {
        return new Agreement(a.id(), a.residentId(), a.conversationId(), a.description(), a.owner(), a.partner(), due,
                a.status(), a.doneDate(), a.socialMapEntry());
    }

    @Test
    void aVisitIsPlannedForTodayOrLaterNeverYesterday() {
        Resident resident = TestSession.demo().residents().get(3);
        DossierViewModel model = dossierOf(resident);

        assertThat(model.planVisit(today.minusDays(1), LocalTime.of(10, 30), Place.HOME)).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo(test.messages().text("dossier.visitInPast"));
        assertThat(model.planVisit(today, null, Place.HOME)).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo(test.messages().text("dossier.visitIncomplete"));
        assertThat(test.store().written()).isEmpty();

        assertThat(model.planVisit(today, LocalTime.of(16, 45), Place.HOME)).isTrue();

        assertThat(model.messageProperty().get()).isEqualTo("Bezoek gepland op 22-11-2026 om 16:45.");
        assertThat(test.store().written(Appointment.class)).singleElement()
                .satisfies(a -> assertThat(a.durationMinutes()).isEqualTo(60));
        assertThat(model.timeline()).anyMatch(l -> l.summary().startsWith("16:45"));
    }

    @Test
    void aGoalWithoutALifeDomainIsNotAdded() {
        DossierViewModel model = dossierOf(TestSession.demo().residents().get(3));

        assertThat(model.addGoal(null, "Werk zoeken", "Cv maken")).isFalse();

        assertThat(model.messageProperty().get()).isEqualTo(test.messages().text("dossier.goalIncomplete"));
        assertThat(test.store().written()).isEmpty();
    }

    @Test
    void correctingAFinalisedConversationStartsALinkedDraftInTheForm() {
        Resident resident = residentWith(r -> !r.conversations().isEmpty() && r.draft().isEmpty());
        Conversation finalised = resident(resident).conversations().get(0);

        dossierOf(resident).correct(finalised.id());

        assertThat(test.store().written(ConversationDraft.class)).singleElement()
                .satisfies(d -> assertThat(d.conversation().corrects()).isEqualTo(finalised.id()));
        assertThat(navigator.shown()).isEqualTo(new RecordingNavigator.Screen("conversation", resident.id()));
    }

    @Test
    void aContactAttemptJoinsTheTimelineOnToday() {
        Resident resident = TestSession.demo().residents().get(5);
        DossierViewModel model = dossierOf(resident);
        int before = model.timeline().size();

        model.logAttempt(ContactChannel.PHONE, ContactResult.NO_ANSWER);

        assertThat(model.timeline()).hasSize(before + 1).anyMatch(l -> l.date().equals("22-11-2026")
                && l.kind().equals("Contactpoging") && l.summary().equals("Telefoon · Geen gehoor"));
    }

    private ResidentRecords resident(Resident resident) {
        return test.caseload().recordsOf(resident.id());
    }
}
