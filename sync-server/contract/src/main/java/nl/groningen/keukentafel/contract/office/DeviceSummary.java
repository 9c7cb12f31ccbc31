package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * An enrolled device as the office sees it. The app version and the changes it still had waiting
 * are what the laptop reported at its last sync (null: never reported).
 */
public record DeviceSummary(
        @JsonProperty("id") UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("user_name") String userName,
        @JsonProperty("role") String role,
        @JsonProperty("enrolled_at") Instant enrolledAt,
        @JsonProperty("last_seen_at") Instant lastSeenAt,
        @JsonProperty("last_sync_at") Instant lastSyncAt,
        @JsonProperty("app_version") String appVersion,
        @JsonProperty("waiting_changes") Integer waitingChanges,
        @JsonProperty("revoked_at") Instant revokedAt) {
}
