package nl.groningen.keukentafel.server.domain;

import java.util.UUID;

/**
 * Who reads or changes residents' data, as the audit log records it: a user on a device, or
 * (both null) the server itself (its retention job, a command run on the server).
 */
public record Actor(UUID userId, UUID deviceId) {

    /** The server itself. */
    public static final Actor SERVER = new Actor(null, null);

    /** The user and device a request's token belongs to. */
    public static Actor of(DeviceSession session) {
        return new Actor(session.userId(), session.deviceId());
    }
}
