package nl.groningen.keukentafel.server.domain;

import java.util.List;
import java.util.UUID;

/** A coach as the office sees it: the area, how many residents they have, and the users who keep that caseload. */
public record CoachInfo(UUID id, String name, String area, int residents, List<String> userNames) {

    public CoachInfo {
        userNames = List.copyOf(userNames);
    }
}
