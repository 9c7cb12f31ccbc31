package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A row of a caseload file that passed its checks, as the preview shows it. */
public record ImportRow(
        @JsonProperty("line") int line,
        @JsonProperty("client_number") String clientNumber,
        @JsonProperty("name") String name,
        @JsonProperty("postcode") String postcode,
        @JsonProperty("wijk") String wijk,
        @JsonProperty("coach") String coach) {
}
