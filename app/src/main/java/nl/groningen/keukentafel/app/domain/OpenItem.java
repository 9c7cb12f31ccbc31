package nl.groningen.keukentafel.app.domain;

import java.time.LocalDate;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;

/**
 * Something in the caseload still to follow up, with the resident it is for: an open agreement (due
 * on its due date) or an open referral (due on its check date).
 */
public sealed interface OpenItem permits OpenItem.OpenAgreement, OpenItem.OpenReferral {

    /** The two kinds of open items, for choosing which ones to list. */
    enum Kind {
        AGREEMENT,
        REFERRAL
    }

    Resident resident();

    /** The day it is due: the agreement's due date, the referral's check date; null when it has none. */
    LocalDate due();

    Kind kind();

    /** An agreement not yet done. */
    record OpenAgreement(Resident resident, Agreement agreement) implements OpenItem {
        @Override
        public LocalDate due() {
            return agreement.dueDate();
        }

        @Override
        public Kind kind() {
            return Kind.AGREEMENT;
        }
    }

    /** A referral still under way (referred, or accepted by the partner). */
    record OpenReferral(Resident resident, Referral referral) implements OpenItem {
        @Override
        public LocalDate due() {
            return referral.checkOn();
        }

        @Override
        public Kind kind() {
            return Kind.REFERRAL;
        }
    }
}
