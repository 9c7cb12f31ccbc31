package nl.groningen.keukentafel.app.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import org.junit.jupiter.api.Test;

/** Making, finishing and listing agreements, without JavaFX. */
class AgreementsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final UUID RESIDENT = UUID.randomUUID();

    private static Agreement make(String description, AgreementOwner owner, String partner, LocalDate due) {
        return Agreements.make(UUID.randomUUID(), RESIDENT, UUID.randomUUID(), description, owner, partner, due, null);
    }

    @Test
    void anAgreementIsDueInTwoWeeksUnlessTheCoachPicksAnotherDay() {
        assertThat(Agreements.defaultDue(TODAY)).isEqualTo(LocalDate.of(2026, 12, 6));
    }

    @Test
    void anAgreementNeedsWhatWhoAndWhenAndAPartnersNeedsThePartner() {
        assertThat(Agreements.problem(" ", AgreementOwner.COACH, null, TODAY)).contains(Agreements.Problem.INCOMPLETE);
        assertThat(Agreements.problem("Bellen", null, null, TODAY)).contains(Agreements.Problem.INCOMPLETE);
        assertThat(Agreements.problem("Bellen", AgreementOwner.COACH, null, null)).contains(Agreements.Problem.INCOMPLETE);
        assertThat(Agreements.problem("Bellen", AgreementOwner.PARTNER, null, TODAY)).contains(Agreements.Problem.NEEDS_PARTNER);
        assertThat(Agreements.problem("Bellen", AgreementOwner.PARTNER, "humanitas", TODAY)).isEmpty();
        assertThatThrownBy(() -> make("Bellen", AgreementOwner.PARTNER, null, TODAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewAgreementIsOpenTrimmedAndKeepsAPartnerOnlyWhenThePartnerDoesIt() {
        Agreement coach = make("  CV online zetten ", AgreementOwner.COACH, "humanitas", TODAY.plusDays(3));
        Agreement partner = make("Formulier invullen", AgreementOwner.PARTNER, "humanitas", TODAY.plusDays(3));

        assertThat(coach.description()).isEqualTo("CV online zetten");
        assertThat(coach.status()).isEqualTo(AgreementStatus.OPEN);
        assertThat(coach.partner()).isNull();
        assertThat(partner.partner()).isEqualTo("humanitas");
    }

    @Test
    void anAgreementMarkedDoneIsDoneToday() {
        Agreement done = Agreements.done(make("Bellen", AgreementOwner.RESIDENT, null, TODAY.minusDays(2)), TODAY);

        assertThat(done.status()).isEqualTo(AgreementStatus.DONE);
        assertThat(done.doneDate()).isEqualTo(TODAY);
    }

    @Test
    void theOpenAgreementsComeFirstDueFirst() {
        Agreement later = make("Later", AgreementOwner.COACH, null, TODAY.plusDays(10));
        Agreement sooner = make("Eerder", AgreementOwner.COACH, null, TODAY.plusDays(1));
        Agreement done = Agreements.done(make("Klaar", AgreementOwner.COACH, null, TODAY), TODAY);

        assertThat(Agreements.open(List.of(later, done, sooner))).containsExactly(sooner, later);
    }

    @Test
    void anAgreementJoinsTheConversationItIsSavedWith() {
        UUID conversation = UUID.randomUUID();

        assertThat(Agreements.inConversation(make("Bellen", AgreementOwner.COACH, null, TODAY), conversation).conversationId())
                .isEqualTo(conversation);
    }

    @Test
    void anOpenAgreementIsPostponedToTodayOrLaterAndADoneOneIsNot() {
        Agreement open = make("Bellen", AgreementOwner.RESIDENT, null, TODAY.minusDays(2));

        assertThat(Agreements.postponed(open, TODAY.plusWeeks(3), TODAY)).get()
                .satisfies(a -> {
                    assertThat(a.dueDate()).isEqualTo(TODAY.plusWeeks(3));
                    assertThat(a.id()).isEqualTo(open.id());
                    assertThat(a.status()).isEqualTo(AgreementStatus.OPEN);
                });
        assertThat(Agreements.postponed(open, TODAY, TODAY)).isPresent();
        assertThat(Agreements.postponed(open, TODAY.minusDays(1), TODAY)).isEmpty();
        assertThat(Agreements.postponed(open, null, TODAY)).isEmpty();
        assertThat(Agreements.postponed(Agreements.done(open, TODAY), TODAY.plusDays(1), TODAY)).isEmpty();
    }
}
