package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.UUID;

/** A concrete agreement made in a conversation: who does what, by when; may point to a sociale-kaart entry. */
public record Agreement(
        @JsonProperty("id") UUID id,
        @JsonProperty("resident_id") UUID residentId,
        @JsonProperty("conversation_id") UUID conversationId,
        @JsonProperty("description") String description,
        @JsonProperty("owner") AgreementOwner owner,
        @JsonProperty("partner") String partner,
        @JsonProperty("due_date") LocalDate dueDate,
        @JsonProperty("status") AgreementStatus status,
        @JsonProperty("done_date") LocalDate doneDate,
        @JsonProperty("social_map_entry") UUID socialMapEntry) {
}
