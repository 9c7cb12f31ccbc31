package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A batch from the laptop's outbox, with the laptop's pull cursor: changes to a resident who moved
 * to another coach after that cursor were made before the laptop could know, and are still taken.
 */
public record PushRequest(@JsonProperty("changes") List<Change> changes, @JsonProperty("cursor") Long cursor) {

    public PushRequest {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public PushRequest(List<Change> changes) {
        this(changes, null);
    }
}
