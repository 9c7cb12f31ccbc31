package nl.groningen.keukentafel.app.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.ContactResult;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Place;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.ReferralStatus;
import nl.groningen.keukentafel.contract.Resident;
import org.junit.jupiter.api.Test;

/** The domain rules, without JavaFX or SQL. */
class DomainRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static Resident resident(String surname, OutreachStatus status, LocalDate nextDue) {
        return new Resident(UUID.randomUUID(), UUID.randomUUID(), "KT" + surname.hashCode(), "Anna", "", surname,
                "Proefstraat", "1", "9741 AB", "Selwerd", null, null, status == OutreachStatus.KNOWN_AT_WIJ, false, 6,
                Initiative.COACH, status, nextDue);
    }

    @Test
    void theNextContactFollowsTheAgreedTermButNeverLaterThanAYear() {
        assertThat(NextContact.due(TODAY, 3)).isEqualTo(LocalDate.of(2027, 2, 22));
        assertThat(NextContact.due(TODAY, 24)).isEqualTo(LocalDate.of(2027, 11, 22));
        assertThat(NextContact.due(LocalDate.of(2026, 8, 31), 6)).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void dueSoonMeansWithinFourteenDaysOrOverdue() {
        assertThat(NextContact.dueSoonOrOverdue(TODAY.minusDays(40), TODAY)).isTrue();
        assertThat(NextContact.dueSoonOrOverdue(TODAY.plusDays(14), TODAY)).isTrue();
        assertThat(NextContact.dueSoonOrOverdue(TODAY.plusDays(15), TODAY)).isFalse();
        assertThat(NextContact.dueSoonOrOverdue(null, TODAY)).isFalse();
    }

    @Test
    void outreachStatusMovesWithAttemptsAndConversations() {
        assertThat(OutreachRules.afterAttempt(OutreachStatus.TO_SCHEDULE, ContactResult.DECLINED)).isEqualTo(OutreachStatus.DECLINED);
        assertThat(OutreachRules.afterAttempt(OutreachStatus.NOT_REACHABLE, ContactResult.APPOINTMENT_MADE))
                .isEqualTo(OutreachStatus.TO_SCHEDULE);
        assertThat(OutreachRules.afterAttempt(OutreachStatus.TO_SCHEDULE, ContactResult.NO_ANSWER)).isEqualTo(OutreachStatus.TO_SCHEDULE);
        assertThat(OutreachRules.afterAttempt(OutreachStatus.SPOKEN, ContactResult.DECLINED)).isEqualTo(OutreachStatus.SPOKEN);
        assertThat(OutreachRules.afterAttempt(OutreachStatus.KNOWN_AT_WIJ, ContactResult.REACHED)).isEqualTo(OutreachStatus.KNOWN_AT_WIJ);
        assertThat(OutreachRules.afterConversation(OutreachStatus.DECLINED)).isEqualTo(OutreachStatus.SPOKEN);
        assertThat(OutreachRules.canMove(OutreachStatus.KNOWN_AT_WIJ, OutreachStatus.SPOKEN)).isFalse();
        assertThat(OutreachRules.canMove(OutreachStatus.KNOWN_AT_WIJ, OutreachStatus.TO_SCHEDULE)).isTrue();
    }

    @Test
    void aFinalisedConversationIsReadOnlyAndACorrectionIsANewLinkedDraft() {
        Resident r = resident("Oefensma", OutreachStatus.TO_SCHEDULE, null);
        Conversation draft = Conversations.newDraft(UUID.randomUUID(), r, UUID.randomUUID(), TODAY, false);
        Conversation finalised = Conversations.finalise(draft);

        assertThat(finalised.status()).isEqualTo(ConversationStatus.FINALISED);
        assertThatThrownBy(() -> Conversations.finalise(finalised)).isInstanceOf(FinalisedConversationException.class);
        assertThatThrownBy(() -> Conversations.requireDraft(finalised)).isInstanceOf(FinalisedConversationException.class);
        assertThatThrownBy(() -> new ConversationDraft(finalised, List.of(), List.of()))
                .isInstanceOf(FinalisedConversationException.class);

        Conversation correction = Conversations.correction(finalised, UUID.randomUUID(), TODAY);
        assertThat(correction.status()).isEqualTo(ConversationStatus.DRAFT);
        assertThat(correction.corrects()).isEqualTo(finalised.id());
        assertThat(correction.id()).isNotEqualTo(finalised.id());
    }

    @Test
    void aConversationIsFinalisedOnlyWithADateAndPlaceAndNotBeforeItHappened() {
        Resident r = resident("Wachtsma", OutreachStatus.TO_SCHEDULE, null);
        Conversation c = Conversations.newDraft(UUID.randomUUID(), r, UUID.randomUUID(), TODAY, false);
        Conversation tomorrow = new Conversation(c.id(), c.residentId(), c.coachId(), TODAY.plusDays(1), c.place(), 60, false,
                List.of(), "", "", null, List.of(), List.of(), "", null, null, 6, Initiative.COACH, ConversationStatus.DRAFT, null);
        Conversation nowhere = new Conversation(c.id(), c.residentId(), c.coachId(), TODAY, null, 60, false,
                List.of(), "", "", null, List.of(), List.of(), "", null, null, 6, Initiative.COACH, ConversationStatus.DRAFT, null);

        assertThat(Conversations.finaliseProblem(c, TODAY)).isEmpty();
        assertThat(Conversations.finaliseProblem(tomorrow, TODAY)).contains(Conversations.FinaliseProblem.DATE_IN_FUTURE);
        assertThat(Conversations.finaliseProblem(nowhere, TODAY)).contains(Conversations.FinaliseProblem.MISSING_DATE_OR_PLACE);
    }

    @Test
    void aDateIsLateFromTheDayAfterItSoonFromTodayForFourteenDaysAndLaterAfterThat() {
        assertThat(Due.of(TODAY.minusDays(40), TODAY)).isEqualTo(Due.LATE);
        assertThat(Due.of(TODAY.minusDays(1), TODAY)).isEqualTo(Due.LATE);
        assertThat(Due.of(TODAY, TODAY)).isEqualTo(Due.SOON);
        assertThat(Due.of(TODAY.plusDays(14), TODAY)).isEqualTo(Due.SOON);
        assertThat(Due.of(TODAY.plusDays(15), TODAY)).isEqualTo(Due.LATER);
        assertThat(Due.of(null, TODAY)).isEqualTo(Due.LATER);
    }

    @Test
    void aNextContactIsOverdueFromTheDayAfterItWasDue() {
        assertThat(NextContact.overdue(TODAY.minusDays(1), TODAY)).isTrue();
        assertThat(NextContact.overdue(TODAY, TODAY)).isFalse();
        assertThat(NextContact.overdue(null, TODAY)).isFalse();
    }

    @Test
    void finalisingSetsTheResidentSpokenWithTheAgreedTermAndInitiative() {
        Resident r = resident("Proefstra", OutreachStatus.NOT_REACHABLE, null);
        Conversation c = Conversations.newDraft(UUID.randomUUID(), r, UUID.randomUUID(), TODAY, false);
        Conversation agreed = new Conversation(c.id(), c.residentId(), c.coachId(), c.date(), Place.HOME, 45, false,
                List.of(), "", "", null, List.of(), List.of(), "", 8, 7, 3, Initiative.RESIDENT, ConversationStatus.DRAFT, null);

        Resident after = Conversations.applyTo(r, Conversations.finalise(agreed));

        assertThat(after.outreachStatus()).isEqualTo(OutreachStatus.SPOKEN);
        assertThat(after.contactTermMonths()).isEqualTo(3);
        assertThat(after.initiative()).isEqualTo(Initiative.RESIDENT);
        assertThat(after.nextContactDue()).isEqualTo(LocalDate.of(2027, 2, 22));
    }

    @Test
    void searchFindsByNameAddressPostcodeAndClientNumberIgnoringCaseAndAccents() {
        Resident zoe = new Resident(UUID.randomUUID(), UUID.randomUUID(), "KT0000042", "Zoë", "van der", "Oefensma",
                "Schetsstraat", "12a", "9743 XZ", "Vinkhuizen", null, null, false, false, 6, Initiative.COACH,
                OutreachStatus.SPOKEN, null);
        Resident other = resident("Proefstra", OutreachStatus.SPOKEN, null);
        CaseloadSearch search = new CaseloadSearch(List.of(zoe, other));

        assertThat(search.matching("zoe")).containsExactly(zoe);
        assertThat(search.matching("OEFEN zo")).containsExactly(zoe);
        assertThat(search.matching("schetsstraat 12")).containsExactly(zoe);
        assertThat(search.matching("9743xz")).containsExactly(zoe);
        assertThat(search.matching("0000042")).containsExactly(zoe);
        assertThat(search.matching("zoe proef")).isEmpty();
        assertThat(search.matching("  ")).containsExactlyInAnyOrder(zoe, other);
    }

    @Test
    void vandaagListsTodaysVisitsDueContactsOverdueCoachAgreementsAndReferralsToCheck() {
        Resident a = resident("Aaltjema", OutreachStatus.SPOKEN, TODAY.minusDays(3));
        Resident b = resident("Bedachtsma", OutreachStatus.SPOKEN, TODAY.plusMonths(2));
        UUID conversation = UUID.randomUUID();
        Appointment later = new Appointment(UUID.randomUUID(), b.id(), TODAY.atTime(14, 0).atZone(AMSTERDAM).toInstant(), 60, Place.HOME);
        Appointment early = new Appointment(UUID.randomUUID(), a.id(), TODAY.atTime(9, 30).atZone(AMSTERDAM).toInstant(), 60, Place.HOME);
        Appointment tomorrow = new Appointment(UUID.randomUUID(), a.id(), Instant.parse("2026-11-23T09:00:00Z"), 60, Place.HOME);
        Agreement coachOverdue = agreement(a, conversation, AgreementOwner.COACH, TODAY.minusDays(1), AgreementStatus.OPEN);
        Agreement residentOverdue = agreement(a, conversation, AgreementOwner.RESIDENT, TODAY.minusDays(5), AgreementStatus.OPEN);
        Agreement coachDone = agreement(b, conversation, AgreementOwner.COACH, TODAY.minusDays(5), AgreementStatus.DONE);
        Agreement coachDueToday = agreement(b, conversation, AgreementOwner.COACH, TODAY, AgreementStatus.OPEN);
        Referral toCheck = new Referral(UUID.randomUUID(), b.id(), conversation, "cnw", true, TODAY.minusDays(30),
                ReferralStatus.ACCEPTED, TODAY, null);
        Referral notYet = new Referral(UUID.randomUUID(), b.id(), conversation, "wij", false, TODAY.minusDays(3),
                ReferralStatus.REFERRED, TODAY.plusDays(25), null);
        Referral finished = new Referral(UUID.randomUUID(), a.id(), conversation, "ggz", false, TODAY.minusDays(90),
                ReferralStatus.COMPLETED, TODAY.minusDays(60), null);
        Caseload caseload = new Caseload(List.of(a, b), Map.of(
                a.id(), ResidentRecords.NONE.withAppointment(early).withAppointment(tomorrow).withAgreement(coachOverdue)
                        .withAgreement(residentOverdue).withReferral(finished),
                b.id(), ResidentRecords.NONE.withAppointment(later).withAgreement(coachDone).withAgreement(coachDueToday)
                        .withReferral(toCheck).withReferral(notYet)));

        TodayOverview today = TodayOverview.of(caseload, TODAY, AMSTERDAM);

        assertThat(today.appointments()).extracting(TodayOverview.Item::record).containsExactly(early, later);
        assertThat(today.contactsDue()).containsExactly(a);
        assertThat(today.overdueAgreements()).extracting(TodayOverview.Item::record).containsExactly(coachOverdue);
        assertThat(today.referralsToCheck()).extracting(TodayOverview.Item::record).containsExactly(toCheck);
    }

    @Test
    void caseloadFiltersCombine() {
        Resident dueInSelwerd = resident("Aaltjema", OutreachStatus.SPOKEN, TODAY.plusDays(3));
        Resident notDue = resident("Bedachtsma", OutreachStatus.SPOKEN, TODAY.plusMonths(3));
        Resident declined = resident("Conceptstra", OutreachStatus.DECLINED, null);
        UUID conversation = UUID.randomUUID();
        Caseload caseload = new Caseload(List.of(declined, notDue, dueInSelwerd), Map.of(
                notDue.id(), ResidentRecords.NONE.withAgreement(agreement(notDue, conversation, AgreementOwner.RESIDENT,
                        TODAY.plusDays(9), AgreementStatus.OPEN))));

        assertThat(caseload.find(CaseloadFilter.ALL, TODAY)).containsExactly(dueInSelwerd, notDue, declined);
        assertThat(caseload.find(new CaseloadFilter("", null, null, true, false), TODAY)).containsExactly(dueInSelwerd);
        assertThat(caseload.find(new CaseloadFilter("", null, null, false, true), TODAY)).containsExactly(notDue);
        assertThat(caseload.find(new CaseloadFilter("", "Selwerd", OutreachStatus.DECLINED, false, false), TODAY))
                .containsExactly(declined);
        assertThat(caseload.find(new CaseloadFilter("", "Beijum", null, false, false), TODAY)).isEmpty();
    }

    private static Agreement agreement(Resident r, UUID conversation, AgreementOwner owner, LocalDate due, AgreementStatus status) {
        return new Agreement(UUID.randomUUID(), r.id(), conversation, "Vrijwilligerswerk opzoeken", owner, null, due, status,
                status == AgreementStatus.DONE ? due : null, null);
    }
}
