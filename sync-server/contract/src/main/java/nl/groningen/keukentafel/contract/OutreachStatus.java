package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where outreach to a resident stands (domain.md, "From first contact to conversation"). */
public enum OutreachStatus {
    @JsonProperty("to_schedule") TO_SCHEDULE,
    @JsonProperty("spoken") SPOKEN,
    @JsonProperty("declined") DECLINED,
    @JsonProperty("not_reachable") NOT_REACHABLE,
    @JsonProperty("known_at_wij") KNOWN_AT_WIJ
}
