package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A life domain discussed in a conversation (a reference-data code) with a short note. */
public record LifeDomainNote(
        @JsonProperty("domain") String domain,
        @JsonProperty("note") String note) {
}
