package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A one-time enrolment code for this user, valid this many hours (1 to 168; default 24). */
public record EnrolmentCodeRequest(
        @JsonProperty("user_name") String userName,
        @JsonProperty("valid_hours") Integer validHours) {
}
