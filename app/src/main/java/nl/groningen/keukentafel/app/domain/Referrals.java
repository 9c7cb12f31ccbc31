package nl.groningen.keukentafel.app.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.ReferralStatus;

/**
 * The life of a referral: made in a conversation with a date to check on it, then followed up from
 * the dossier. While it is under way the coach checks on it again four weeks after each change;
 * once it is completed or stopped, its check date stays as it was.
 */
public final class Referrals {

    /** How long after a referral (or a change in it) the coach checks on it. */
    public static final Period CHECK_AFTER = Period.ofWeeks(4);

    private Referrals() {
    }

    /** The check date of a referral made, or changed, today. */
    public static LocalDate checkOn(LocalDate today) {
        return today.plus(CHECK_AFTER);
    }

    /** A new referral, just made: referred, to be checked on {@code checkOn}. */
    public static Referral make(UUID id, UUID residentId, UUID conversationId, String partner, boolean warmHandover,
                                LocalDate referredOn, LocalDate checkOn, UUID socialMapEntry) {
        return new Referral(id, residentId, conversationId, partner, warmHandover, referredOn, ReferralStatus.REFERRED,
                checkOn, socialMapEntry);
    }

    /** Still under way: referred, or accepted by the partner. */
    public static boolean isOpen(Referral referral) {
        return referral.status() == ReferralStatus.REFERRED || referral.status() == ReferralStatus.ACCEPTED;
    }

    /** The referral moved to {@code status} today: checked on again in four weeks, unless it has ended. */
    public static Referral withStatus(Referral x, ReferralStatus status, LocalDate today) {
        boolean ended = status == ReferralStatus.COMPLETED || status == ReferralStatus.STOPPED;
        return new Referral(x.id(), x.residentId(), x.conversationId(), x.partner(), x.warmHandover(), x.referredOn(),
                status, ended ? x.checkOn() : checkOn(today), x.socialMapEntry());
    }
}
