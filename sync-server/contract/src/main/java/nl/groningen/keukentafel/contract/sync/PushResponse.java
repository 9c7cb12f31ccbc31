package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The server's answer per pushed change, in the order they were sent. */
public record PushResponse(@JsonProperty("results") List<ChangeResult> results) {

    public PushResponse {
        results = List.copyOf(results);
    }
}
