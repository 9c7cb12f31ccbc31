package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Residents matching a search, at most {@code limit} from {@code offset}, of {@code total} that match. */
public record ResidentPage(
        @JsonProperty("residents") List<ResidentSummary> residents,
        @JsonProperty("total") int total,
        @JsonProperty("offset") int offset,
        @JsonProperty("limit") int limit) {

    public ResidentPage {
        residents = List.copyOf(residents);
    }
}
