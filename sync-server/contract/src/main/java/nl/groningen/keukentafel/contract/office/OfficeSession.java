package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An open office session: send {@code session} in the session header; it lapses after {@code idle_minutes} unused. */
public record OfficeSession(
        @JsonProperty("session") String session,
        @JsonProperty("user_name") String userName,
        @JsonProperty("role") String role,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("idle_minutes") int idleMinutes) {

    @Override
    public String toString() {
        return "OfficeSession[" + userName + "]";
    }
}
