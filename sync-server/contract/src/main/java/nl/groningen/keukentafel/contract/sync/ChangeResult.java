package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * The server's answer to one pushed change: applied at a sequence number, or rejected with a
 * reason code (never silently dropped).
 */
public record ChangeResult(
        @JsonProperty("change_id") UUID changeId,
        @JsonProperty("status") ChangeStatus status,
        @JsonProperty("seq") Long seq,
        @JsonProperty("reason") String reason) {
}
