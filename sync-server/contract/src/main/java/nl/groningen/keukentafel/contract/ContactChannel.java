package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a contact attempt was made. */
public enum ContactChannel {
    @JsonProperty("letter_1") LETTER_1,
    @JsonProperty("letter_2") LETTER_2,
    @JsonProperty("phone") PHONE,
    @JsonProperty("reminder_call") REMINDER_CALL,
    @JsonProperty("at_the_door") AT_THE_DOOR,
    @JsonProperty("text_message") TEXT_MESSAGE
}
