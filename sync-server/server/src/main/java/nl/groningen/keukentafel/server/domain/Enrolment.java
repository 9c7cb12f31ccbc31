package nl.groningen.keukentafel.server.domain;

import java.time.Instant;
import java.util.UUID;

/** How an enrolment attempt ended. */
public sealed interface Enrolment {

    /** The device is enrolled; the token is shown this once and stored only as a hash. */
    record Enrolled(UUID deviceId, String token, UUID coachId) implements Enrolment {
    }

    /** User name or password wrong (which of the two is not said). */
    record WrongCredentials() implements Enrolment {
    }

    /** Too many wrong passwords: no attempt counts until then. */
    record LockedOut(Instant until) implements Enrolment {
    }

    /** The code is unknown, used, expired, or made for someone else. */
    record BadCode() implements Enrolment {
    }
}
