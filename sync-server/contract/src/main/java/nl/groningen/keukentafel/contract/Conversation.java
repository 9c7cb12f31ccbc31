package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The record of one kitchen-table conversation (domain.md, "The conversation"). Codes for life
 * domains, outcome, provisions and signals refer to the reference data. A finalised conversation
 * is never changed; a correction is a new record whose {@code corrects} names the one it corrects.
 */
public record Conversation(
        @JsonProperty("id") UUID id,
        @JsonProperty("resident_id") UUID residentId,
        @JsonProperty("coach_id") UUID coachId,
        @JsonProperty("date") LocalDate date,
        @JsonProperty("place") Place place,
        @JsonProperty("duration_minutes") int durationMinutes,
        @JsonProperty("follow_up") boolean followUp,
        @JsonProperty("life_domains") List<LifeDomainNote> lifeDomains,
        @JsonProperty("activities") String activities,
        @JsonProperty("wishes") String wishes,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("provisions_informed") List<String> provisionsInformed,
        @JsonProperty("signals") List<String> signals,
        @JsonProperty("own_goals") String ownGoals,
        @JsonProperty("conversation_rating") Integer conversationRating,
        @JsonProperty("contact_value_rating") Integer contactValueRating,
        @JsonProperty("next_contact_term_months") int nextContactTermMonths,
        @JsonProperty("initiative") Initiative initiative,
        @JsonProperty("status") ConversationStatus status,
        @JsonProperty("corrects") UUID corrects) {

    public Conversation {
        lifeDomains = List.copyOf(lifeDomains);
        provisionsInformed = List.copyOf(provisionsInformed);
        signals = List.copyOf(signals);
    }
}
