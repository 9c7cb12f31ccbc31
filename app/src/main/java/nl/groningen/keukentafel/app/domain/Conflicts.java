package nl.groningen.keukentafel.app.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.groningen.keukentafel.contract.Conflict;

/** The fields the server found in conflict, kept on this laptop until the coach resolves them. */
public interface Conflicts {

    /** The fields in conflict, for the coach to resolve. */
    List<Conflict> conflicts();

    /**
     * The coach's choice for a conflict: the record takes the chosen value (a change of its own,
     * queued like any other) and the conflict goes, here and on the server.
     */
    void resolve(Conflict conflict, JsonNode chosen);
}
