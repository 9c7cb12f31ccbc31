package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** A change as a laptop pulls it: stamped with the server's sequence; deletes travel as tombstones. */
public record PulledChange(
        @JsonProperty("seq") long seq,
        @JsonProperty("kind") String kind,
        @JsonProperty("record_id") UUID recordId,
        @JsonProperty("resident_id") UUID residentId,
        @JsonProperty("deleted") boolean deleted,
        @JsonProperty("body") JsonNode body) {
}
