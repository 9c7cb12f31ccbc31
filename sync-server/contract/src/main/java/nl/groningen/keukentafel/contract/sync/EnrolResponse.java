package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** The enrolled device: its id and its token (shown this once), and the coach whose caseload it syncs. */
public record EnrolResponse(
        @JsonProperty("device_id") UUID deviceId,
        @JsonProperty("token") String token,
        @JsonProperty("coach_id") UUID coachId) {

    @Override
    public String toString() {
        return "EnrolResponse[" + deviceId + "]";
    }
}
