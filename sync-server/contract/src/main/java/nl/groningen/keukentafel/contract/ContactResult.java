package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What came of a contact attempt. */
public enum ContactResult {
    @JsonProperty("sent") SENT,
    @JsonProperty("no_answer") NO_ANSWER,
    @JsonProperty("reached") REACHED,
    @JsonProperty("appointment_made") APPOINTMENT_MADE,
    @JsonProperty("declined") DECLINED,
    @JsonProperty("wrong_number") WRONG_NUMBER
}
