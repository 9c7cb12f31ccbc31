package nl.groningen.keukentafel.app.domain;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Finalised conversations the laptop lets go of once they are old enough: the server keeps them,
 * the laptop needs only recent history (docs/sync.md, "Retention on the laptop"). Everything else
 * of the resident (agreements, referrals, plan) stays.
 */
public interface ConversationRetention {

    /**
     * Removes every finalised conversation dated before {@code before} that has no change still
     * waiting in the outbox; drafts stay. One transaction. Returns the residents whose records changed.
     */
    Set<UUID> removeFinalisedBefore(LocalDate before);
}
