package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an agreement is still to be done. */
public enum AgreementStatus {
    @JsonProperty("open") OPEN,
    @JsonProperty("done") DONE,
    @JsonProperty("cancelled") CANCELLED
}
