package nl.groningen.keukentafel.app.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;

/**
 * The changes made on this laptop on their way to the server, and what became of them: waiting,
 * answered (kept a while for a re-send after a restore of the server), or refused. The store fills
 * it in the same transaction as each change; every method is one transaction.
 */
public interface Outbox {

    /** The oldest waiting changes, at most {@code max}, marked as sent (a resend keeps the same change id). */
    List<Change> takeOutbox(int max);

    /**
     * The server's answers: answered changes leave the outbox and are kept, sealed, as sent (for a
     * re-send after a restore of the server); refused ones are also kept apart with the reason. A
     * change answered {@code erased} is dropped, neither kept nor refused, and its resident is
     * purged from the laptop with everything else that waited for them.
     */
    void acknowledge(List<ChangeResult> results, Instant at);

    /**
     * Puts every kept sent change back in the outbox, before anything waiting there, in the order
     * they were made and with their own change ids: the server was restored from a backup and may
     * have lost them. Returns how many.
     */
    int resendSent();

    /**
     * The cursor to push the taken changes with: the pull cursor at which the oldest of them was
     * first pushed. A change sent again after a restore is then judged as it was the first time: a
     * change to a resident who moved to another coach after that cursor is still taken.
     */
    long pushCursor();

    /** How many answered changes are kept for a re-send. */
    int sentKept();

    /** Forgets the sent changes answered before this moment. */
    void forgetSentBefore(Instant before);

    /** How many changes wait to be sent. */
    int waiting();

    /** Whether changes for this resident still wait to be sent. */
    boolean hasWaitingFor(UUID residentId);

    /** The changes the server refused, newest first. */
    List<Refusal> refusals();

    /** A change the server refused, with its reason code. */
    record Refusal(UUID changeId, String kind, UUID recordId, UUID residentId, String reason, Instant at) {
    }
}
