package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
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

    /**
     * The id of a plan started on a laptop: the same for one resident everywhere. A resident has
     * one plan, and two laptops that each start it offline must make the same record, which the
     * server merges per goal; with an id of their own, the resident would end with two plans, of
     * which each laptop shows only one.
     */
    public static UUID idFor(UUID residentId) {
        return UUID.nameUUIDFromBytes(("development_plan/" + residentId).getBytes(StandardCharsets.UTF_8));
    }
}
