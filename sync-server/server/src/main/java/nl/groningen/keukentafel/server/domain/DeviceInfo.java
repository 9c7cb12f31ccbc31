package nl.groningen.keukentafel.server.domain;

import java.time.Instant;
import java.util.UUID;

/** An enrolled device as the office sees it: whose it is, when it last synced, whether it is revoked. */
public record DeviceInfo(UUID id, String name, String userName, Instant enrolledAt, Instant lastSeenAt, Instant revokedAt) {
}
