package nl.groningen.keukentafel.app.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.groningen.keukentafel.contract.sync.PulledChange;

/** Where the changes pulled from the server land: the pull cursor, and each page committed with it. */
public interface PulledChanges {

    /** The sequence number of the last pulled change committed here. */
    long cursor();

    /**
     * Commits one pulled page and the new cursor together. A record with changes still waiting
     * keeps the laptop's version (the server merges when they arrive). A resident moved to another
     * coach is removed with all their records; an erased one ({@code resident_erased}) at once with
     * everything the laptop had for them, waiting changes included. Returns the residents whose data
     * changed here (an erased resident only when the laptop had anything of them).
     */
    Set<UUID> applyPulled(List<PulledChange> changes, long nextCursor);
}
