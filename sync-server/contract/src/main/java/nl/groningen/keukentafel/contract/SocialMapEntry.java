package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * One entry of the sociale kaart: an activity or organisation in a wijk a resident can be pointed
 * to. Reference data, synced to every laptop; {@code partner} names a partner code when the entry
 * is one of the referral partners' locations. {@code when} is the opening hours or the time of the
 * activity. {@code phone} and {@code website} may be absent (null): entries synced before they
 * existed still read.
 */
public record SocialMapEntry(
        @JsonProperty("id") UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("kind") String kind,
        @JsonProperty("wijk") String wijk,
        @JsonProperty("description") String description,
        @JsonProperty("address") String address,
        @JsonProperty("when") String when,
        @JsonProperty("partner") String partner,
        @JsonProperty("phone") String phone,
        @JsonProperty("website") String website) {
}
