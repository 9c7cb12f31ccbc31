package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** A resident as the office needs them to assign: who, where, and with which coach (null: none). */
public record ResidentSummary(
        @JsonProperty("id") UUID id,
        @JsonProperty("client_number") String clientNumber,
        @JsonProperty("name") String name,
        @JsonProperty("wijk") String wijk,
        @JsonProperty("coach_id") UUID coachId,
        @JsonProperty("coach_name") String coachName) {
}
