package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a resident was erased; the tombstone keeps it, the audit log the act. */
public enum ErasureReason {
    /** The resident asked for it and the law allows it (AVG art. 17). */
    @JsonProperty("request") REQUEST,
    /** The resident should never have been in the caseload (a wrong import, say). */
    @JsonProperty("wrongly_registered") WRONGLY_REGISTERED,
    /** The resident left the group longer ago than the retention period: the server's retention job. */
    @JsonProperty("retention") RETENTION
}
