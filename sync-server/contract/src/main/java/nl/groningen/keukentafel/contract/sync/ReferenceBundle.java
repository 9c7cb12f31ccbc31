package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.SocialMapEntry;

/**
 * The reference data every laptop holds, whoever's caseload it keeps: life domains, outcome
 * categories, partners, provisions, and the sociale kaart. {@code version} changes when any of it
 * changes, so a laptop stores it again only then.
 */
public record ReferenceBundle(
        @JsonProperty("version") String version,
        @JsonProperty("reference_data") ReferenceData referenceData,
        @JsonProperty("social_map") List<SocialMapEntry> socialMap) {

    public ReferenceBundle {
        socialMap = socialMap == null ? List.of() : List.copyOf(socialMap);
    }
}
