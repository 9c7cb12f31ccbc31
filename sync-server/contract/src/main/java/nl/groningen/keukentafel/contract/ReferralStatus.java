package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How far a referral to a partner has come. */
public enum ReferralStatus {
    @JsonProperty("referred") REFERRED,
    @JsonProperty("accepted") ACCEPTED,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("stopped") STOPPED
}
