package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/** A coach with the size of their caseload and the users who keep it. */
public record CoachSummary(
        @JsonProperty("id") UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("area") String area,
        @JsonProperty("residents") int residents,
        @JsonProperty("user_names") List<String> userNames) {

    public CoachSummary {
        userNames = List.copyOf(userNames);
    }
}
