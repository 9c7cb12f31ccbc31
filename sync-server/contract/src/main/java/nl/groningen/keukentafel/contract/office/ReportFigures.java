package nl.groningen.keukentafel.contract.office;

import static com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The council's figures for one period and scope, as the server counts them from the records the
 * laptops synced (docs/reports.md says how each is counted), as the office API's reports endpoint
 * answers them. Immutable; serialises to JSON in snake_case like the wire contract. The worked-out
 * figures (percentages, sums of categories) are written, and skipped when the office app reads
 * the JSON back. Counts are exact: an export that leaves the office hides a count below
 * {@link #SMALL_COUNT} at wijk or coach level itself (the server's CSV export does).
 *
 * @param from   first day of the period, inclusive
 * @param to     last day of the period, inclusive
 * @param asOf   the day "overdue" is measured against (follow-up discipline)
 */
public record ReportFigures(
        @JsonProperty("from") LocalDate from,
        @JsonProperty("to") LocalDate to,
        @JsonProperty("as_of") LocalDate asOf,
        @JsonProperty("scope") ReportScope scope,
        @JsonProperty("reach") Reach reach,
        @JsonProperty("approaches") Approaches approaches,
        @JsonProperty("outcomes") Outcomes outcomes,
        @JsonProperty("follow_up") FollowUp followUp,
        @JsonProperty("in_beeld") InBeeld inBeeld,
        @JsonProperty("discipline") List<CoachDiscipline> discipline) {

    /** Counts below this, at wijk or coach level, leave the office only as "&lt; 5". */
    public static final int SMALL_COUNT = 5;

    public ReportFigures {
        discipline = List.copyOf(discipline);
    }

    /** Letter 2019, figure 1: where outreach stands now for everyone in the group. */
    public record Reach(
            @JsonProperty("in_group") int inGroup,
            @JsonProperty("spoken") int spoken,
            @JsonProperty("declined_or_known_at_wij") int declinedOrKnownAtWij,
            @JsonProperty("declined") int declined,
            @JsonProperty("known_at_wij") int knownAtWij,
            @JsonProperty("not_reachable") int notReachable,
            @JsonProperty("to_schedule") int toSchedule) {

        @JsonProperty(value = "spoken_pct", access = READ_ONLY)
        public int spokenPct() {
            return percent(spoken, inGroup);
        }

        @JsonProperty(value = "declined_or_known_at_wij_pct", access = READ_ONLY)
        public int declinedOrKnownAtWijPct() {
            return percent(declinedOrKnownAtWij, inGroup);
        }

        @JsonProperty(value = "not_reachable_pct", access = READ_ONLY)
        public int notReachablePct() {
            return percent(notReachable, inGroup);
        }

        @JsonProperty(value = "to_schedule_pct", access = READ_ONLY)
        public int toSchedulePct() {
            return percent(toSchedule, inGroup);
        }
    }

    /** Invitations and conversations in the period (letter 2019; letter 2016 per wijk). */
    public record Approaches(
            @JsonProperty("invitations") int invitations,
            @JsonProperty("conversations") int conversations,
            @JsonProperty("per_wijk") List<WijkApproaches> perWijk,
            @JsonProperty("second_invitations") int secondInvitations,
            @JsonProperty("second_invitations_followed_up") int secondInvitationsFollowedUp) {

        public Approaches {
            perWijk = List.copyOf(perWijk);
        }

        @JsonProperty(value = "conversation_pct", access = READ_ONLY)
        public int conversationPct() {
            return percent(conversations, invitations);
        }

        @JsonProperty(value = "second_invitations_followed_up_pct", access = READ_ONLY)
        public int secondInvitationsFollowedUpPct() {
            return percent(secondInvitationsFollowedUp, secondInvitations);
        }
    }

    /** One wijk's invitations and conversations in the period. */
    public record WijkApproaches(
            @JsonProperty("wijk") String wijk,
            @JsonProperty("invitations") int invitations,
            @JsonProperty("conversations") int conversations) {

        @JsonProperty(value = "conversation_pct", access = READ_ONLY)
        public int conversationPct() {
            return percent(conversations, invitations);
        }
    }

    /**
     * Letter 2016, the outcome table: conversations in the period by outcome category (reference
     * data codes), and referrals made in the period per partner code.
     */
    public record Outcomes(
            @JsonProperty("conversations") int conversations,
            @JsonProperty("by_category") Map<String, Integer> byCategory,
            @JsonProperty("referrals_per_partner") Map<String, Integer> referralsPerPartner) {

        public Outcomes {
            byCategory = Map.copyOf(byCategory);
            referralsPerPartner = Map.copyOf(referralsPerPartner);
        }

        public int of(String category) {
            return byCategory.getOrDefault(category, 0);
        }

        @JsonProperty(value = "work_potential", access = READ_ONLY)
        public int workPotential() {
            return of("work_potential");
        }

        @JsonProperty(value = "care_need", access = READ_ONLY)
        public int careNeed() {
            return of("care_need");
        }

        @JsonProperty(value = "exemption_request", access = READ_ONLY)
        public int exemptionRequest() {
            return of("exemption_request");
        }

        /** Not active and content, not active and wanting to be, already active: the 355 of the 2016 table. */
        @JsonProperty(value = "participation_potential", access = READ_ONLY)
        public int participationPotential() {
            return notActiveContent() + notActiveWanting() + alreadyActive();
        }

        @JsonProperty(value = "not_active_content", access = READ_ONLY)
        public int notActiveContent() {
            return of("not_active_content");
        }

        @JsonProperty(value = "not_active_wanting", access = READ_ONLY)
        public int notActiveWanting() {
            return notActiveWantsSupport() + notActiveWantsOwnStrength();
        }

        @JsonProperty(value = "not_active_wants_support", access = READ_ONLY)
        public int notActiveWantsSupport() {
            return of("not_active_wants_support");
        }

        @JsonProperty(value = "not_active_wants_own_strength", access = READ_ONLY)
        public int notActiveWantsOwnStrength() {
            return of("not_active_wants_own");
        }

        @JsonProperty(value = "already_active", access = READ_ONLY)
        public int alreadyActive() {
            return of("active") + activeWantsMore();
        }

        @JsonProperty(value = "active_wants_more", access = READ_ONLY)
        public int activeWantsMore() {
            return of("active_wants_more");
        }

        /** Already active, of the conversations with an outcome. */
        @JsonProperty(value = "already_active_pct", access = READ_ONLY)
        public int alreadyActivePct() {
            return percent(alreadyActive(), byCategory.values().stream().mapToInt(Integer::intValue).sum());
        }
    }

    /** Letter 2019, figure 2: of those spoken (now), what the follow-up is. */
    public record FollowUp(
            @JsonProperty("spoken") int spoken,
            @JsonProperty("in_trajectory") int inTrajectory,
            @JsonProperty("connected_to_care") int connectedToCare,
            @JsonProperty("own_goals") int ownGoals,
            @JsonProperty("no_support_question") int noSupportQuestion) {
    }

    /** Letter 2021, the "In Beeld" pilot: the funnel over the period, signals, ratings and time. */
    public record InBeeld(
            @JsonProperty("selected") int selected,
            @JsonProperty("invited") int invited,
            @JsonProperty("in_view") int inView,
            @JsonProperty("spoken") int spoken,
            @JsonProperty("benefit_reviews") int benefitReviews,
            @JsonProperty("fraud_signals") int fraudSignals,
            @JsonProperty("care_signals") int careSignals,
            @JsonProperty("spoken_at_home") int spokenAtHome,
            @JsonProperty("average_conversation_rating") Double averageConversationRating,
            @JsonProperty("average_contact_value_rating") Double averageContactValueRating,
            @JsonProperty("average_duration_minutes") Double averageDurationMinutes) {
    }

    /** Per coach, on the {@code as_of} day: what is past its date. */
    public record CoachDiscipline(
            @JsonProperty("coach_id") UUID coachId,
            @JsonProperty("coach_name") String coachName,
            @JsonProperty("area") String area,
            @JsonProperty("residents") int residents,
            @JsonProperty("contacts_overdue") int contactsOverdue,
            @JsonProperty("agreements_overdue") int agreementsOverdue,
            @JsonProperty("referrals_unanswered") int referralsUnanswered) {
    }

    /** A whole percentage, rounded half up; 0 of nothing is 0. */
    public static int percent(int part, int whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
}
