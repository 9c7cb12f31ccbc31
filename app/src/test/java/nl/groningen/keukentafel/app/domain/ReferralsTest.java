package nl.groningen.keukentafel.app.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.ReferralStatus;
import org.junit.jupiter.api.Test;

/** A referral's check date and status, without JavaFX. */
class ReferralsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static Referral referredOn(LocalDate day) {
        return Referrals.make(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "centrum_naar_werk", true, day,
                Referrals.checkOn(day), null);
    }

    @Test
    void aNewReferralIsCheckedOnFourWeeksLater() {
        Referral made = referredOn(TODAY);

        assertThat(made.checkOn()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(made.status()).isEqualTo(ReferralStatus.REFERRED);
        assertThat(Referrals.isOpen(made)).isTrue();
    }

    @Test
    void aReferralThatMovesOnIsCheckedAgainFourWeeksFromToday() {
        Referral made = referredOn(TODAY.minusDays(40));

        Referral accepted = Referrals.withStatus(made, ReferralStatus.ACCEPTED, TODAY);

        assertThat(accepted.checkOn()).isEqualTo(TODAY.plusDays(28));
        assertThat(accepted.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(accepted.referredOn()).isEqualTo(made.referredOn());
        assertThat(Referrals.isOpen(accepted)).isTrue();
    }

    @Test
    void aReferralThatEndedKeepsItsCheckDateAndIsNoLongerOpen() {
        Referral made = referredOn(TODAY.minusDays(40));

        for (ReferralStatus end : new ReferralStatus[] {ReferralStatus.COMPLETED, ReferralStatus.STOPPED}) {
            Referral ended = Referrals.withStatus(made, end, TODAY);
            assertThat(ended.checkOn()).as(end.name()).isEqualTo(made.checkOn());
            assertThat(Referrals.isOpen(ended)).as(end.name()).isFalse();
        }
    }
}
