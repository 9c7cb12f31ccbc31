package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The resident's own development plan (ontwikkelplan): goals per life domain with steps. */
public record DevelopmentPlan(
        @JsonProperty("id") UUID id,
        @JsonProperty("resident_id") UUID residentId,
        @JsonProperty("goals") List<PlanGoal> goals,
        @JsonProperty("updated_on") LocalDate updatedOn) {

    public DevelopmentPlan {
        goals = List.copyOf(goals);
    }
}
