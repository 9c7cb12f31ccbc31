package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of changes after a cursor. The laptop stores {@code nextCursor} only after it has
 * committed the page locally, and asks again while {@code hasMore}. {@code remaining} counts the
 * changes after this page, for a progress bar. {@code serverEpoch}: as in {@link PushResponse}.
 */
public record PullPage(
        @JsonProperty("changes") List<PulledChange> changes,
        @JsonProperty("next_cursor") long nextCursor,
        @JsonProperty("has_more") boolean hasMore,
        @JsonProperty("remaining") long remaining,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("server_epoch") String serverEpoch) {

    public PullPage {
        changes = List.copyOf(changes);
    }

    /** A page from a server that names no epoch. */
    public PullPage(List<PulledChange> changes, long nextCursor, boolean hasMore, long remaining) {
        this(changes, nextCursor, hasMore, remaining, null);
    }

    /** A page without a count of what follows (0 when it is the last). */
    public PullPage(List<PulledChange> changes, long nextCursor, boolean hasMore) {
        this(changes, nextCursor, hasMore, 0);
    }

    /** This page as sent by the server of that epoch. */
    public PullPage withEpoch(String epoch) {
        return new PullPage(changes, nextCursor, hasMore, remaining, epoch);
    }
}
