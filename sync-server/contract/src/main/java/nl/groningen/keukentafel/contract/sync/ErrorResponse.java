package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What every refused request answers: a stable code for the app, and a sentence for a person. */
public record ErrorResponse(
        @JsonProperty("error") String error,
        @JsonProperty("message") String message) {
}
