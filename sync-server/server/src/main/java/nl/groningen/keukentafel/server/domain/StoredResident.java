package nl.groningen.keukentafel.server.domain;

import java.util.List;

/**
 * A resident as the server has stored them, for deciding a push: the coach assigned (null: none),
 * the body as JSON text, and the resident's moves between coaches (read only where the scope needs
 * them, see {@link SyncScope#needsMoves}; else empty).
 */
public record StoredResident(String coachId, String body, List<Move> moves) {

    public StoredResident {
        moves = List.copyOf(moves);
    }

    /** One move to another coach: the coach the resident left (null: none) and the move's sequence number. */
    public record Move(String fromCoach, long seq) {
    }

    /** The same resident with another body (as a push wrote it); a push never changes the coach. */
    public StoredResident withBody(String newBody) {
        return new StoredResident(coachId, newBody, moves);
    }
}
