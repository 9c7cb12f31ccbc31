package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** How many residents moved to the coach, and how many already were theirs. */
public record AssignResult(
        @JsonProperty("coach_id") UUID coachId,
        @JsonProperty("moved") int moved,
        @JsonProperty("already_with_coach") int alreadyWithCoach) {
}
