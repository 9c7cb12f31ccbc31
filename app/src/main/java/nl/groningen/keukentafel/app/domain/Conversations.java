package nl.groningen.keukentafel.app.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.Place;
import nl.groningen.keukentafel.contract.Resident;

/** The life of a conversation record: a new draft, its finalisation, a correction. */
public final class Conversations {

    /** Why a draft cannot be finalised yet. */
    public enum FinaliseProblem {
        /** The conversation has no date or no place. */
        MISSING_DATE_OR_PLACE,
        /** The conversation is dated after today: it has not happened. */
        DATE_IN_FUTURE
    }

    private Conversations() {
    }

    /** What stops the draft from being finalised today, if anything. */
    public static Optional<FinaliseProblem> finaliseProblem(Conversation draft, LocalDate today) {
        if (draft.date() == null || draft.place() == null) {
            return Optional.of(FinaliseProblem.MISSING_DATE_OR_PLACE);
        }
        if (draft.date().isAfter(today)) {
            return Optional.of(FinaliseProblem.DATE_IN_FUTURE);
        }
        return Optional.empty();
    }

    /** An empty draft for today at the resident's home, with the resident's current term and initiative. */
    public static Conversation newDraft(UUID id, Resident resident, UUID coachId, LocalDate today, boolean followUp) {
        return new Conversation(id, resident.id(), coachId, today, Place.HOME, 60, followUp, List.of(), "", "", null,
                List.of(), List.of(), "", null, null, resident.contactTermMonths(),
                resident.initiative() == null ? Initiative.COACH : resident.initiative(), ConversationStatus.DRAFT, null);
    }

    /** The draft, closed: from now on read-only. */
    public static Conversation finalise(Conversation draft) {
        requireDraft(draft);
        return withStatus(draft, ConversationStatus.FINALISED);
    }

    /** A new draft that corrects a finalised conversation, starting from its content. */
    public static Conversation correction(Conversation finalised, UUID newId, LocalDate today) {
        if (finalised.status() != ConversationStatus.FINALISED) {
            throw new IllegalArgumentException("Only a finalised conversation is corrected; edit the draft instead");
        }
        Conversation c = finalised;
        return new Conversation(newId, c.residentId(), c.coachId(), c.date(), c.place(), c.durationMinutes(),
                c.followUp(), c.lifeDomains(), c.activities(), c.wishes(), c.outcome(), c.provisionsInformed(),
                c.signals(), c.ownGoals(), c.conversationRating(), c.contactValueRating(), c.nextContactTermMonths(),
                c.initiative(), ConversationStatus.DRAFT, c.id());
    }

    /** Refuses any change to a finalised conversation. */
    public static void requireDraft(Conversation conversation) {
        if (conversation.status() == ConversationStatus.FINALISED) {
            throw new FinalisedConversationException();
        }
    }

    /** The resident as the finalised conversation leaves them: spoken, with the agreed term and next due date. */
    public static Resident applyTo(Resident r, Conversation finalised) {
        return r.withContact(finalised.nextContactTermMonths(), finalised.initiative(),
                OutreachRules.afterConversation(r.outreachStatus()),
                NextContact.due(finalised.date(), finalised.nextContactTermMonths()));
    }

    private static Conversation withStatus(Conversation c, ConversationStatus status) {
        return new Conversation(c.id(), c.residentId(), c.coachId(), c.date(), c.place(), c.durationMinutes(),
                c.followUp(), c.lifeDomains(), c.activities(), c.wishes(), c.outcome(), c.provisionsInformed(),
                c.signals(), c.ownGoals(), c.conversationRating(), c.contactValueRating(), c.nextContactTermMonths(),
                c.initiative(), status, c.corrects());
    }
}
