package nl.groningen.keukentafel.server.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An enrolled device as the office sees it: whose it is, when it last synced, whether it is
 * revoked, and what its app last reported at a sync (version, changes still waiting; null: never).
 */
public record DeviceInfo(UUID id, String name, String userName, Instant enrolledAt, Instant lastSeenAt, Instant revokedAt,
                         Role role, Instant lastSyncAt, String appVersion, Integer waitingChanges) {
}
