package nl.groningen.keukentafel.app.ui.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.ui.ManualSaveTimers;
import nl.groningen.keukentafel.app.ui.RecordingNavigator;
import nl.groningen.keukentafel.app.ui.RecordingStore;
import nl.groningen.keukentafel.app.ui.TestSession;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.ReferenceItem;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;
import org.junit.jupiter.api.Test;

/**
 * The conversation form's state without a toolkit: the draft saved when the save timer runs out,
 * agreements and referrals made inline, finalising, leaving and throwing the draft away.
 */
class ConversationViewModelTest {

    private final TestSession test = new TestSession();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final ManualSaveTimers timers = new ManualSaveTimers();
    private final Resident resident = TestSession.demo().residents().stream()
            .filter(r -> r.outreachStatus() == OutreachStatus.TO_SCHEDULE)
            .filter(r -> test.caseload().recordsOf(r.id()).draft().isEmpty())
            .findFirst().orElseThrow();
    private final ConversationViewModel model = new ConversationViewModel(test.session(), resident.id(), navigator, timers);
    private final LocalDate today = test.session().today();

    @Test
    void whatIsTypedIsSavedAsADraftWhenTheTimerRunsOut() {
        assertThat(timers.running()).isFalse();

        model.wishesProperty().set("Iets met de handen doen");
        model.activitiesProperty().set("Past op de kleinkinderen");

        assertThat(timers.running()).isTrue();
        assertThat(test.store().written()).as("not saved before the time is up").isEmpty();
        timers.timeIsUp();

        assertThat(test.store().written(ConversationDraft.class)).singleElement().satisfies(draft -> {
            assertThat(draft.conversation().wishes()).isEqualTo("Iets met de handen doen");
            assertThat(draft.conversation().activities()).isEqualTo("Past op de kleinkinderen");
            assertThat(draft.conversation().status()).isEqualTo(ConversationStatus.DRAFT);
        });
        assertThat(model.savedProperty().get()).isEqualTo("Concept opgeslagen om 10:00:00");
        assertThat(test.caseload().recordsOf(resident.id()).draft()).isPresent();
    }

    @Test
    void aResidentSpokenWithBeforeWhoseOldConversationsLeftTheLaptopGetsAFollowUp() {
        Resident spoken = TestSession.demo().residents().stream()
                .filter(r -> r.outreachStatus() == OutreachStatus.SPOKEN)
                .filter(r -> test.caseload().recordsOf(r.id()).draft().isEmpty())
                .findFirst().orElseThrow();
        ResidentRecords r = test.caseload().recordsOf(spoken.id());
        test.caseload().put(spoken.id(), new ResidentRecords(r.contactAttempts(), r.appointments(), java.util.List.of(),
                r.agreements(), r.referrals(), r.plan(), r.drafts()));

        ConversationViewModel form = new ConversationViewModel(test.session(), spoken.id(), navigator, timers);

        assertThat(form.followUpProperty().get()).isTrue();
        assertThat(model.followUpProperty().get()).as("a resident never spoken with: a first conversation").isFalse();
    }

    @Test
    void nothingChangedMeansNothingIsSaved() {
        timers.timeIsUp();
        model.saveNow();

        assertThat(test.store().written()).isEmpty();
        assertThat(model.savedProperty().get()).isEmpty();
    }

    @Test
    void aDraftThatCannotBeSavedSaysSoAndIsSavedAtTheNextTry() {
        RecordingStore full = new RecordingStore().failing();
        TestSession failing = new TestSession(full);
        ConversationViewModel form = new ConversationViewModel(failing.session(), resident.id(), navigator, timers);

        form.wishesProperty().set("Werk");
        timers.timeIsUp();

        assertThat(form.problemProperty().get()).isEqualTo(test.messages().text("save.failed"));
        assertThat(failing.caseload().recordsOf(resident.id()).draft()).isEmpty();
        full.recovered();
        form.saveNow();
        assertThat(full.written(ConversationDraft.class)).singleElement()
                .satisfies(d -> assertThat(d.conversation().wishes()).isEqualTo("Werk"));
    }

    @Test
    void aReferralGetsItsCheckDateFourWeeksOutAndTheConversationsDate() {
        ReferenceItem partner = test.session().reference().partners().get(0);

        assertThat(model.addReferral(partner, true, model.defaultReferralCheck(), null)).isTrue();

        Referral made = model.referrals().get(0);
        assertThat(made.checkOn()).isEqualTo(today.plusDays(28));
        assertThat(made.referredOn()).isEqualTo(today);
        assertThat(made.warmHandover()).isTrue();
        assertThat(model.addReferral(partner, false, null, null)).isFalse();
        assertThat(model.problemProperty().get()).isEqualTo(test.messages().text("conversation.referralIncomplete"));
    }

    @Test
    void anAgreementIsDueInTwoWeeksAndAPartnersAgreementNeedsThePartner() {
        assertThat(model.defaultAgreementDue()).isEqualTo(today.plusWeeks(2));

        assertThat(model.addAgreement("Formulier invullen", AgreementOwner.PARTNER, null, model.defaultAgreementDue(), null))
                .isFalse();
        assertThat(model.problemProperty().get()).isEqualTo(test.messages().text("conversation.agreementNeedsPartner"));
        assertThat(model.addAgreement("  CV online zetten ", AgreementOwner.COACH, null, model.defaultAgreementDue(), null))
                .isTrue();

        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.agreements()).singleElement().satisfies(a -> {
            assertThat(a.description()).isEqualTo("CV online zetten");
            assertThat(a.dueDate()).isEqualTo(today.plusWeeks(2));
        });
    }

    @Test
    void finalisingRecordsTheConversationSetsTheNextContactAndShowsTheDossier() {
        model.termMonthsProperty().set(3);
        model.addAgreement("CV online zetten", AgreementOwner.COACH, null, today.plusWeeks(2), null);
        model.addReferral(test.session().reference().partners().get(0), false, model.defaultReferralCheck(), null);
        assertThat(model.nextDueProperty().get()).isEqualTo("Volgend contact uiterlijk " + test.messages().date(today.plusMonths(3)));

        model.finalise();

        assertThat(test.store().written(RecordingStore.Finalised.class)).singleElement().satisfies(f -> {
            assertThat(f.conversation().status()).isEqualTo(ConversationStatus.FINALISED);
            assertThat(f.draft().agreements()).extracting(a -> a.conversationId()).containsOnly(f.conversation().id());
            assertThat(f.resident().outreachStatus()).isEqualTo(OutreachStatus.SPOKEN);
        });
        Resident after = test.caseload().resident(resident.id()).orElseThrow();
        assertThat(after.nextContactDue()).isEqualTo(today.plusMonths(3));
        assertThat(test.caseload().recordsOf(resident.id()).referrals()).hasSize(
                TestSession.demo().referrals().stream().filter(x -> x.residentId().equals(resident.id())).toList().size() + 1);
        assertThat(navigator.shown()).isEqualTo(new RecordingNavigator.Screen("dossier", resident.id()));
        assertThat(navigator.notice()).isEqualTo("Het gesprek van " + test.messages().date(model.dateProperty().get())
                + " is afgerond en opgeslagen. Volgend contact uiterlijk " + test.messages().date(today.plusMonths(3)) + ".");
    }

    @Test
    void theConfirmationSumsUpOutcomeAgreementsWithDueDatesNextContactAndTheEmptyRatings() {
        ReferenceItem outcome = test.session().reference().outcomeCategories().get(0);
        model.outcomeProperty().set(outcome);
        model.termMonthsProperty().set(3);
        model.addAgreement("CV online zetten", AgreementOwner.COACH, null, today.plusWeeks(2), null);
        model.addAgreement("Bellen met de schuldhulp", AgreementOwner.RESIDENT, null, today.plusWeeks(1), null);
        model.conversationRatingProperty().set(null);
        model.contactValueRatingProperty().set(8);

        assertThat(model.finaliseSummary()).containsExactly(
                "Uitkomst: " + outcome.labelNl(),
                "Afspraken: 2",
                "· CV online zetten, uiterlijk " + test.messages().date(today.plusWeeks(2)),
                "· Bellen met de schuldhulp, uiterlijk " + test.messages().date(today.plusWeeks(1)),
                "Volgend contact uiterlijk " + test.messages().date(model.dateProperty().get().plusMonths(3)),
                "Leeg gelaten: Cijfer voor het gesprek");
        assertThat(test.store().written(RecordingStore.Finalised.class)).as("asking finalises nothing").isEmpty();
    }

    @Test
    void theConfirmationSaysWhenNoOutcomeNoAgreementsAndNoRatingsAreGiven() {
        model.outcomeProperty().set(null);
        model.agreements().clear();
        model.conversationRatingProperty().set(null);
        model.contactValueRatingProperty().set(null);

        assertThat(model.finaliseSummary()).contains("Uitkomst: nog niet gekozen", "Afspraken: geen",
                "Leeg gelaten: Cijfer voor het gesprek, Cijfer voor contact houden zo");
    }

    @Test
    void aConversationThatCannotBeFinalisedYetSaysWhyBeforeAnyConfirmation() {
        model.dateProperty().set(today.plusDays(1));

        assertThat(model.readyToFinalise()).isFalse();
        assertThat(model.problemProperty().get()).isEqualTo(test.messages().text("conversation.dateInFuture"));
    }

    @Test
    void afterFinalisingTheFormIsReadOnly() {
        model.finalise();
        int written = test.store().written().size();

        model.wishesProperty().set("Te laat");
        timers.timeIsUp();
        model.saveNow();

        assertThat(timers.running()).isFalse();
        assertThat(test.store().written()).hasSize(written);
    }

    @Test
    void aConversationDatedTomorrowIsNotFinalised() {
        model.dateProperty().set(today.plusDays(1));

        model.finalise();

        assertThat(model.problemProperty().get()).isEqualTo(test.messages().text("conversation.dateInFuture"));
        assertThat(test.store().written(RecordingStore.Finalised.class)).isEmpty();
        assertThat(navigator.shown()).isNull();
        model.placeProperty().set(null);
        model.finalise();
        assertThat(model.problemProperty().get()).isEqualTo(test.messages().text("conversation.missingDateOrPlace"));
    }

    @Test
    void closingKeepsTheDraftAndGoesBackToTheDossier() {
        model.ownGoalsProperty().set("Een vaste dagbesteding");

        model.close();

        assertThat(test.store().written(ConversationDraft.class)).singleElement()
                .satisfies(d -> assertThat(d.conversation().ownGoals()).isEqualTo("Een vaste dagbesteding"));
        assertThat(navigator.shown()).isEqualTo(new RecordingNavigator.Screen("dossier", resident.id()));
        ConversationViewModel again = new ConversationViewModel(test.session(), resident.id(), navigator, timers);
        assertThat(again.ownGoalsProperty().get()).as("the form continues the draft").isEqualTo("Een vaste dagbesteding");
    }

    @Test
    void discardingThrowsTheDraftAway() {
        model.ownGoalsProperty().set("Weg ermee");
        model.saveNow();

        model.discard();

        assertThat(test.store().written(RecordingStore.Discarded.class)).singleElement()
                .isEqualTo(new RecordingStore.Discarded(model.draft().conversation().id()));
        assertThat(test.caseload().recordsOf(resident.id()).draft()).isEmpty();
        assertThat(navigator.shown()).isEqualTo(new RecordingNavigator.Screen("dossier", resident.id()));
    }
}
