package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A one-time enrolment code, shown this once: the server keeps only its hash. */
public record EnrolmentCode(
        @JsonProperty("code") String code,
        @JsonProperty("user_name") String userName,
        @JsonProperty("expires_at") Instant expiresAt) {

    @Override
    public String toString() {
        return "EnrolmentCode[" + userName + "]";
    }
}
