package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** A coach who keeps a caseload in one area. */
public record Coach(
        @JsonProperty("id") UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("area") String area) {
}
