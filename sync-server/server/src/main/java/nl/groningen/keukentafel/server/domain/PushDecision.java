package nl.groningen.keukentafel.server.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;

/** What the server does with one pushed change ({@link ChangeRules#decide}): refuse it with a reason, or take it. */
public sealed interface PushDecision {

    /** The answer the laptop gets. */
    ChangeStatus status();

    /** Refused, with the reason stored and sent ({@code unknown_kind}, {@code not_in_scope}, ...); nothing is written. */
    record Refused(String reason) implements PushDecision {

        @Override
        public ChangeStatus status() {
            return ChangeStatus.REJECTED;
        }
    }

    /**
     * Taken: {@code body} is the record as to store and log (merged per field where its kind is),
     * null for a delete; {@code conflicts} are the conflict records to keep, one per field both sides
     * changed differently.
     */
    record Accepted(ObjectNode body, List<Conflict> conflicts) implements PushDecision {

        public Accepted {
            conflicts = List.copyOf(conflicts);
        }

        @Override
        public ChangeStatus status() {
            return conflicts.isEmpty() ? ChangeStatus.APPLIED : ChangeStatus.CONFLICT;
        }
    }
}
