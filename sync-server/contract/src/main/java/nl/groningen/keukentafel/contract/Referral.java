package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.UUID;

/** A referral to a partner (a reference-data code), with the date to check on it. */
public record Referral(
        @JsonProperty("id") UUID id,
        @JsonProperty("resident_id") UUID residentId,
        @JsonProperty("conversation_id") UUID conversationId,
        @JsonProperty("partner") String partner,
        @JsonProperty("warm_handover") boolean warmHandover,
        @JsonProperty("referred_on") LocalDate referredOn,
        @JsonProperty("status") ReferralStatus status,
        @JsonProperty("check_on") LocalDate checkOn,
        @JsonProperty("social_map_entry") UUID socialMapEntry) {
}
