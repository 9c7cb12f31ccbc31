package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who has to act on an agreement. */
public enum AgreementOwner {
    @JsonProperty("resident") RESIDENT,
    @JsonProperty("coach") COACH,
    @JsonProperty("partner") PARTNER
}
