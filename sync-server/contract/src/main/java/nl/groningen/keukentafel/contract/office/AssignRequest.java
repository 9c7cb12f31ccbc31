package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/** Assign or transfer these residents to this coach, all or none. */
public record AssignRequest(
        @JsonProperty("resident_ids") List<UUID> residentIds,
        @JsonProperty("coach_id") UUID coachId) {
}
