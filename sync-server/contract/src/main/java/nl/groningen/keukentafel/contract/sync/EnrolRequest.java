package nl.groningen.keukentafel.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A laptop asks to be enrolled: the coach's user name and password and the one-time code from the office. */
public record EnrolRequest(
        @JsonProperty("user_name") String userName,
        @JsonProperty("password") String password,
        @JsonProperty("code") String code,
        @JsonProperty("device_name") String deviceName) {

    @Override
    public String toString() {
        return "EnrolRequest[" + userName + ", " + deviceName + "]";
    }
}
