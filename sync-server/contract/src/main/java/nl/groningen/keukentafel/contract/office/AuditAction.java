package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What was done with a resident's data, as the audit log names it (docs/privacy.md, "The audit log"). */
public enum AuditAction {
    /** Delivered to a coach's laptop by a pull page. */
    @JsonProperty("pulled") PULLED,
    /** Changed by a laptop's push (a change the server took). */
    @JsonProperty("pushed") PUSHED,
    /** Listed at the office (a search or the assign screen showed the resident). */
    @JsonProperty("viewed") VIEWED,
    /** Everything about the resident exported at the office (the right of access). */
    @JsonProperty("exported") EXPORTED,
    /** Added or changed by a caseload import. */
    @JsonProperty("imported") IMPORTED,
    /** Assigned to another coach. */
    @JsonProperty("moved") MOVED,
    /** Erased: by an admin, or by the retention job. */
    @JsonProperty("erased") ERASED
}
