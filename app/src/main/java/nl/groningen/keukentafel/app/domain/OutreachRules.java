package nl.groningen.keukentafel.app.domain;

import nl.groningen.keukentafel.contract.ContactResult;
import nl.groningen.keukentafel.contract.OutreachStatus;

/**
 * How a resident's outreach status moves. A finalised conversation means "spoken"; a contact
 * attempt can only move a resident who has not been spoken to yet. "Known at WIJ" is never changed
 * by an attempt: those residents are not invited.
 */
public final class OutreachRules {

    private OutreachRules() {
    }

    public static OutreachStatus afterConversation(OutreachStatus current) {
        return OutreachStatus.SPOKEN;
    }

    public static OutreachStatus afterAttempt(OutreachStatus current, ContactResult result) {
        if (current == OutreachStatus.SPOKEN || current == OutreachStatus.KNOWN_AT_WIJ) {
            return current;
        }
        return switch (result) {
            case DECLINED -> OutreachStatus.DECLINED;
            case REACHED, APPOINTMENT_MADE -> OutreachStatus.TO_SCHEDULE;
            case SENT, NO_ANSWER, WRONG_NUMBER -> current;
        };
    }

    /** The office may set a status by hand; only these moves make sense. */
    public static boolean canMove(OutreachStatus from, OutreachStatus to) {
        if (from == to) {
            return true;
        }
        return switch (from) {
            case TO_SCHEDULE, NOT_REACHABLE, DECLINED -> true;
            case KNOWN_AT_WIJ -> to == OutreachStatus.TO_SCHEDULE;
            case SPOKEN -> to == OutreachStatus.DECLINED;
        };
    }
}
