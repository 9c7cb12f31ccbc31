package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** The user made. */
public record UserCreated(
        @JsonProperty("id") UUID id,
        @JsonProperty("user_name") String userName,
        @JsonProperty("role") String role,
        @JsonProperty("coach_id") UUID coachId) {
}
