package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of reference data: a code with its Dutch and English label. */
public record ReferenceItem(
        @JsonProperty("code") String code,
        @JsonProperty("label_nl") String labelNl,
        @JsonProperty("label_en") String labelEn) {
}
