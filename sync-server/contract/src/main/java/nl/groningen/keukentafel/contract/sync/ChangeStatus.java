package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the server did with a pushed change. A replayed change gets the answer it got the first time.
 * {@code CONFLICT}: applied, except fields the server had changed differently since the laptop's
 * base; those keep the server's value and a {@code conflict} record holds both for the coach.
 */
public enum ChangeStatus {
    @JsonProperty("applied") APPLIED,
    @JsonProperty("conflict") CONFLICT,
    @JsonProperty("rejected") REJECTED
}
