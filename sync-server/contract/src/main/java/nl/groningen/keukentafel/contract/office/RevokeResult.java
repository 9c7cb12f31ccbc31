package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** A device revoked now ({@code revoked} true) or already before (false): either way its token opens nothing. */
public record RevokeResult(
        @JsonProperty("device_id") UUID deviceId,
        @JsonProperty("revoked") boolean revoked) {
}
