package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A batch from the laptop's outbox. */
public record PushRequest(@JsonProperty("changes") List<Change> changes) {

    public PushRequest {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
