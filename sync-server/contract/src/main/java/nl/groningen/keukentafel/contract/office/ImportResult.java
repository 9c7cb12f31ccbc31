package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a caseload import stored.
 *
 * @param coachNotChanged known residents for whom the file names another coach: an import does not reassign
 * @param leftGroup       residents the file marks as having left the group ({@code left_group_on}): the
 *                        server's retention job erases them once the retention period has passed
 */
public record ImportResult(
        @JsonProperty("added") int added,
        @JsonProperty("updated") int updated,
        @JsonProperty("unchanged") int unchanged,
        @JsonProperty("without_coach") int withoutCoach,
        @JsonProperty("coach_not_changed") int coachNotChanged,
        @JsonProperty("left_group") int leftGroup) {
}
