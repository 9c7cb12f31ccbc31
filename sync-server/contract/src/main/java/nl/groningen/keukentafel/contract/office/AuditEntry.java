package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the audit log about one resident: when, by whom (user and device; both null for
 * the server's own retention job), and what. It says nothing else about the resident.
 */
public record AuditEntry(
        @JsonProperty("at") Instant at,
        @JsonProperty("action") AuditAction action,
        @JsonProperty("user_name") String userName,
        @JsonProperty("role") String role,
        @JsonProperty("device_id") UUID deviceId,
        @JsonProperty("device_name") String deviceName) {
}
