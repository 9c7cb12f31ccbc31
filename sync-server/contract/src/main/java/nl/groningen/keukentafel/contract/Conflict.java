package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A field that the laptop and someone else (the office, another device) both changed, to different
 * values. The record keeps the server's value until the coach chooses; both are kept here. The
 * field is a path: {@code due_date}, or {@code goals/<goal id>/description} inside a list.
 */
public record Conflict(
        @JsonProperty("id") UUID id,
        @JsonProperty("resident_id") UUID residentId,
        @JsonProperty("record_kind") String recordKind,
        @JsonProperty("record_id") UUID recordId,
        @JsonProperty("field") String field,
        @JsonProperty("server_value") JsonNode serverValue,
        @JsonProperty("laptop_value") JsonNode laptopValue,
        @JsonProperty("detected_at") Instant detectedAt) {

    /**
     * One conflict per pushed change and field: two laptops clashing with the office on the same
     * field give two conflicts, so no laptop's value is lost; a replayed change gives the same one.
     */
    public static UUID idFor(UUID changeId, UUID recordId, String field) {
        return UUID.nameUUIDFromBytes(("conflict/" + changeId + "/" + recordId + "/" + field).getBytes(StandardCharsets.UTF_8));
    }
}
