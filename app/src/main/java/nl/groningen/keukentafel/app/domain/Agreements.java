package nl.groningen.keukentafel.app.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;

/**
 * The life of an agreement: made in a conversation (what, who, by when; a partner's needs the
 * partner), open until it is done, on the day it is marked done.
 */
public final class Agreements {

    /** When an agreement is due unless the coach picks another day. */
    public static final Period DUE_AFTER = Period.ofWeeks(2);

    /** Why an agreement cannot be made as it stands. */
    public enum Problem {
        /** No description, no one who does it, or no due date. */
        INCOMPLETE,
        /** A partner's agreement without the partner. */
        NEEDS_PARTNER
    }

    private Agreements() {
    }

    /** The due date an agreement made today starts with. */
    public static LocalDate defaultDue(LocalDate today) {
        return today.plus(DUE_AFTER);
    }

    /** What is missing for the agreement, if anything. */
    public static Optional<Problem> problem(String description, AgreementOwner owner, String partner, LocalDate due) {
        if (description == null || description.isBlank() || owner == null || due == null) {
            return Optional.of(Problem.INCOMPLETE);
        }
        if (owner == AgreementOwner.PARTNER && partner == null) {
            return Optional.of(Problem.NEEDS_PARTNER);
        }
        return Optional.empty();
    }

    /** A new, open agreement; the partner is kept only for a partner's agreement. Refuses one with a {@link #problem}. */
    public static Agreement make(UUID id, UUID residentId, UUID conversationId, String description, AgreementOwner owner,
                                 String partner, LocalDate due, UUID socialMapEntry) {
        problem(description, owner, partner, due).ifPresent(p -> {
            throw new IllegalArgumentException("Agreement " + p);
        });
        return new Agreement(id, residentId, conversationId, description.trim(), owner,
                owner == AgreementOwner.PARTNER ? partner : null, due, AgreementStatus.OPEN, null, socialMapEntry);
    }

    /** The agreement, done today. */
    public static Agreement done(Agreement a, LocalDate today) {
        return new Agreement(a.id(), a.residentId(), a.conversationId(), a.description(), a.owner(), a.partner(),
                a.dueDate(), AgreementStatus.DONE, today, a.socialMapEntry());
    }

    /** The open agreement due on {@code newDue} instead; a day already gone is refused. */
    public static Optional<Agreement> postponed(Agreement a, LocalDate newDue, LocalDate today) {
        if (newDue == null || newDue.isBefore(today) || a.status() != AgreementStatus.OPEN) {
            return Optional.empty();
        }
        return Optional.of(new Agreement(a.id(), a.residentId(), a.conversationId(), a.description(), a.owner(), a.partner(),
                newDue, a.status(), a.doneDate(), a.socialMapEntry()));
    }

    /** The agreement as part of the conversation {@code conversationId}. */
    public static Agreement inConversation(Agreement a, UUID conversationId) {
        return new Agreement(a.id(), a.residentId(), conversationId, a.description(), a.owner(), a.partner(),
                a.dueDate(), a.status(), a.doneDate(), a.socialMapEntry());
    }

    /** The open ones, the first due first. */
    public static List<Agreement> open(List<Agreement> agreements) {
        return agreements.stream().filter(a -> a.status() == AgreementStatus.OPEN)
                .sorted(Comparator.comparing(Agreement::dueDate)).toList();
    }
}
