package nl.groningen.keukentafel.server.domain;

import java.time.Instant;

/** How opening an office session ended. */
public sealed interface OfficeLogin {

    /** Opened: the session token (shown this once) and when it lapses if unused. */
    record Opened(String session, Instant expiresAt) implements OfficeLogin {
        @Override
        public String toString() {
            return "Opened[" + expiresAt + "]";
        }
    }

    record WrongPassword() implements OfficeLogin {
    }

    record LockedOut(Instant until) implements OfficeLogin {
    }
}
