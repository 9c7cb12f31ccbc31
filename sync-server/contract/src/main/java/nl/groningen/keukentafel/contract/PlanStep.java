package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One step towards a goal in the development plan. */
public record PlanStep(
        @JsonProperty("description") String description,
        @JsonProperty("done") boolean done) {
}
