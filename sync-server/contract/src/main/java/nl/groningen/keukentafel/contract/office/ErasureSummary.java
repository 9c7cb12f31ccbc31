package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What erasing a resident would remove, shown to the admin before they confirm: the records by
 * kind (wire name to count) and the laptops that hold the resident and purge them at their next sync.
 */
public record ErasureSummary(
        @JsonProperty("resident") ResidentSummary resident,
        @JsonProperty("records") Map<String, Integer> records,
        @JsonProperty("laptops") List<String> laptops) {

    public ErasureSummary {
        records = Map.copyOf(records);
        laptops = List.copyOf(laptops);
    }

    /** The resident's id. */
    public UUID residentId() {
        return resident.id();
    }
}
