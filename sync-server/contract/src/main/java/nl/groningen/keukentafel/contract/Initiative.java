package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who takes the initiative for the next contact: the resident's choice. */
public enum Initiative {
    @JsonProperty("coach") COACH,
    @JsonProperty("resident") RESIDENT
}
