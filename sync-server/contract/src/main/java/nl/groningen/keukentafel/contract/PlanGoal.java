package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/** A goal the resident set in one life domain (a reference-data code), with the steps towards it; ids let two sides add goals without a conflict. */
public record PlanGoal(
        @JsonProperty("id") UUID id,
        @JsonProperty("domain") String domain,
        @JsonProperty("goal") String goal,
        @JsonProperty("steps") List<PlanStep> steps) {

    public PlanGoal {
        steps = List.copyOf(steps);
    }
}
