package nl.groningen.keukentafel.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What /health reports: enough for a load balancer and an operator, no personal data. */
public record Health(
        @JsonProperty("status") String status,
        @JsonProperty("store") String store,
        @JsonProperty("schema_version") String schemaVersion) {
}
