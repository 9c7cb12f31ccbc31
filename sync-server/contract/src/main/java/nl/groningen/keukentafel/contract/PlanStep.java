package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** One step towards a goal in the development plan. */
public record PlanStep(
        @JsonProperty("id") UUID id,
        @JsonProperty("description") String description,
        @JsonProperty("done") boolean done) {
}
