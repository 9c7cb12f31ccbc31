package nl.groningen.keukentafel.app.domain;

import java.util.List;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.Referral;

/**
 * A conversation being written, with the agreements and referrals made in it. Saved locally as
 * the coach types; becomes a finalised conversation (and its agreements and referrals) at once.
 */
public record ConversationDraft(Conversation conversation, List<Agreement> agreements, List<Referral> referrals) {

    public ConversationDraft {
        if (conversation.status() != ConversationStatus.DRAFT) {
            throw new FinalisedConversationException();
        }
        agreements = List.copyOf(agreements);
        referrals = List.copyOf(referrals);
    }
}
