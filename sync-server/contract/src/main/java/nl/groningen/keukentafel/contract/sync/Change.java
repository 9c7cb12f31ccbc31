package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * One change from a laptop's outbox: a record (of a kind, with its id, belonging to a resident)
 * written or deleted. The change id is made on the laptop; the server applies each id once.
 * {@code base} is the record as the laptop had it before this change (absent for a new record):
 * the server compares it with its own version to merge per field and to find conflicts.
 */
public record Change(
        @JsonProperty("change_id") UUID changeId,
        @JsonProperty("kind") String kind,
        @JsonProperty("record_id") UUID recordId,
        @JsonProperty("resident_id") UUID residentId,
        @JsonProperty("deleted") boolean deleted,
        @JsonProperty("body") JsonNode body,
        @JsonProperty("base") JsonNode base) {

    /** A change without a base: a new record, a delete, or a kind that is never merged. */
    public Change(UUID changeId, String kind, UUID recordId, UUID residentId, boolean deleted, JsonNode body) {
        this(changeId, kind, recordId, residentId, deleted, body, null);
    }
}
