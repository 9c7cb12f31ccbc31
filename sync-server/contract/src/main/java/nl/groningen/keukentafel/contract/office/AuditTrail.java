package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/** Who saw or changed a resident, and when: every audit entry about them still kept, oldest first. */
public record AuditTrail(
        @JsonProperty("resident_id") UUID residentId,
        @JsonProperty("erased") boolean erased,
        @JsonProperty("entries") List<AuditEntry> entries) {

    public AuditTrail {
        entries = List.copyOf(entries);
    }
}
