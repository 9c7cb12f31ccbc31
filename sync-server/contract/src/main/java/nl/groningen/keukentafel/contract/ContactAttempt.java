package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.UUID;

/** One attempt to reach a resident: a letter, a call, a knock on the door. */
public record ContactAttempt(
        @JsonProperty("id") UUID id,
        @JsonProperty("resident_id") UUID residentId,
        @JsonProperty("date") LocalDate date,
        @JsonProperty("channel") ContactChannel channel,
        @JsonProperty("result") ContactResult result) {
}
