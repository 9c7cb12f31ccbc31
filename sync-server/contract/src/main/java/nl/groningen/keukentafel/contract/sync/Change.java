package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * One change from a laptop's outbox: a record (of a kind, with its id, belonging to a resident)
 * written or deleted. The change id is made on the laptop; the server applies each id once.
 */
public record Change(
        @JsonProperty("change_id") UUID changeId,
        @JsonProperty("kind") String kind,
        @JsonProperty("record_id") UUID recordId,
        @JsonProperty("resident_id") UUID residentId,
        @JsonProperty("deleted") boolean deleted,
        @JsonProperty("body") JsonNode body) {
}
