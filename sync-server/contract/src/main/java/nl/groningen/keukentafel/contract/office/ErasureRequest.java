package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An admin's erasure of a resident: the reason (required) and the municipality's own reference for
 * the decision (optional, at most 64 characters: a case number, not a story about the resident).
 */
public record ErasureRequest(
        @JsonProperty("reason") ErasureReason reason,
        @JsonProperty("reference") String reference) {
}
