package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The reference data every laptop carries: life domains, outcome categories, partners,
 * provisions and signals. It is data (reference-data.json), not code.
 */
public record ReferenceData(
        @JsonProperty("life_domains") List<ReferenceItem> lifeDomains,
        @JsonProperty("outcome_categories") List<ReferenceItem> outcomeCategories,
        @JsonProperty("partners") List<ReferenceItem> partners,
        @JsonProperty("provisions") List<ReferenceItem> provisions,
        @JsonProperty("signals") List<ReferenceItem> signals) {

    /** The reference data shipped with this release. */
    public static ReferenceData standard() {
        try (InputStream in = ReferenceData.class.getResourceAsStream("reference-data.json")) {
            if (in == null) {
                throw new IllegalStateException("reference-data.json is missing from the contract jar");
            }
            return Json.mapper().readValue(in, ReferenceData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("reference-data.json cannot be read", e);
        }
    }
}
