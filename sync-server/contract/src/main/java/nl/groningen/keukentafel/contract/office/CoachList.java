package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Every coach, by area and name. */
public record CoachList(@JsonProperty("coaches") List<CoachSummary> coaches) {

    public CoachList {
        coaches = List.copyOf(coaches);
    }
}
