package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** A planned conversation; the start is stored in UTC and shown in Europe/Amsterdam. */
public record Appointment(
        @JsonProperty("id") UUID id,
        @JsonProperty("resident_id") UUID residentId,
        @JsonProperty("starts_at") Instant startsAt,
        @JsonProperty("duration_minutes") int durationMinutes,
        @JsonProperty("place") Place place) {
}
