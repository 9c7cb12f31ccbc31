package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the server did with a pushed change. A replayed change gets the answer it got the first time. */
public enum ChangeStatus {
    @JsonProperty("applied") APPLIED,
    @JsonProperty("rejected") REJECTED
}
