package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where (or through which channel) an appointment or conversation takes place. */
public enum Place {
    @JsonProperty("home") HOME,
    @JsonProperty("wijk_location") WIJK_LOCATION,
    @JsonProperty("office") OFFICE,
    @JsonProperty("phone") PHONE,
    @JsonProperty("video") VIDEO
}
