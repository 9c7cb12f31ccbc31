package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A conversation is a draft while written and read-only once finalised. */
public enum ConversationStatus {
    @JsonProperty("draft") DRAFT,
    @JsonProperty("finalised") FINALISED
}
