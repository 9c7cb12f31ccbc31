package nl.groningen.keukentafel.server.domain;

import java.util.UUID;

/** Who is asking: the device a request's token belongs to, its user, role and (for a coach) caseload. */
public record DeviceSession(UUID deviceId, UUID userId, String userName, Role role, UUID coachId, boolean revoked) {
}
