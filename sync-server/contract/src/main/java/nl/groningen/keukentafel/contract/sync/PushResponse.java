package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The server's answer per pushed change, in the order they were sent. {@code serverEpoch} names
 * the server's database since its last restore from a backup: when it differs from the one a
 * laptop saw before, the laptop sends again what it had answered since (see docs/sync.md).
 */
public record PushResponse(
        @JsonProperty("results") List<ChangeResult> results,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("server_epoch") String serverEpoch) {

    public PushResponse {
        results = List.copyOf(results);
    }

    /** An answer from a server that names no epoch (older servers, tests). */
    public PushResponse(List<ChangeResult> results) {
        this(results, null);
    }
}
