package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A goal the resident set in one life domain (a reference-data code), with the steps towards it. */
public record PlanGoal(
        @JsonProperty("domain") String domain,
        @JsonProperty("goal") String goal,
        @JsonProperty("steps") List<PlanStep> steps) {

    public PlanGoal {
        steps = List.copyOf(steps);
    }
}
