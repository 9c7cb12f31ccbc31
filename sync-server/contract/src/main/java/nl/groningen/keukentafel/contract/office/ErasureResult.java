package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** A resident erased: when, and how many records went (the resident not counted). */
public record ErasureResult(
        @JsonProperty("resident_id") UUID residentId,
        @JsonProperty("erased_at") Instant erasedAt,
        @JsonProperty("records") int records) {
}
