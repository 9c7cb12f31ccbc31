package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of changes after a cursor. The laptop stores {@code nextCursor} only after it has
 * committed the page locally, and asks again while {@code hasMore}.
 */
public record PullPage(
        @JsonProperty("changes") List<PulledChange> changes,
        @JsonProperty("next_cursor") long nextCursor,
        @JsonProperty("has_more") boolean hasMore) {

    public PullPage {
        changes = List.copyOf(changes);
    }
}
