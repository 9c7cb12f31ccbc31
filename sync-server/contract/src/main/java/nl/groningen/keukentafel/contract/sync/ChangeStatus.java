package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the server did with a pushed change. A replayed change gets the answer it got the first time.
 * {@code CONFLICT}: applied, except fields the server had changed differently since the laptop's
 * base; those keep the server's value and a {@code conflict} record holds both for the coach.
 * {@code ERASED}: the resident was erased (by the office, or the retention job); the change is dropped,
 * and the laptop drops it too (an app older than {@link Protocol#ERASURE_SCHEMA} is told {@code REJECTED}).
 */
public enum ChangeStatus {
    @JsonProperty("applied") APPLIED,
    @JsonProperty("conflict") CONFLICT,
    @JsonProperty("rejected") REJECTED,
    @JsonProperty("erased") ERASED
}
