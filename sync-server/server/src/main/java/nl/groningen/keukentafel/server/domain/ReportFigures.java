package nl.groningen.keukentafel.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The council's figures for one period and scope, as the server counts them from the records the
 * laptops synced (docs/reports.md says how each is counted). Immutable; serialises to JSON in
 * snake_case like the wire contract. Counts are exact: an export that leaves the office hides a
 * count below {@link #SMALL_COUNT} at wijk or coach level itself (see the {@code report} command).
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

        @JsonProperty("spoken_pct")
        public int spokenPct() {
            return percent(spoken, inGroup);
        }

        @JsonProperty("declined_or_known_at_wij_pct")
        public int declinedOrKnownAtWijPct() {
            return percent(declinedOrKnownAtWij, inGroup);
        }

        @JsonProperty("not_reachable_pct")
        public int notReachablePct() {
            return percent(notReachable, inGroup);
        }

        @JsonProperty("to_schedule_pct")
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

        @JsonProperty("conversation_pct")
        public int conversationPct() {
            return percent(conversations, invitations);
        }

        @JsonProperty("second_invitations_followed_up_pct")
        public int secondInvitationsFollowedUpPct() {
            return percent(secondInvitationsFollowedUp, secondInvitations);
        }
    }

    /** One wijk's invitations and conversations in the period. */
    public record WijkApproaches(
            @JsonProperty("wijk") String wijk,
            @JsonProperty("invitations") int invitations,
            @JsonProperty("conversations") int conversations) {

        @JsonProperty("conversation_pct")
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

        @JsonProperty("work_potential")
        public int workPotential() {
            return of("work_potential");
        }

        @JsonProperty("care_need")
        public int careNeed() {
            return of("care_need");
        }

        @JsonProperty("exemption_request")
        public int exemptionRequest() {
            return of("exemption_request");
        }

        /** Not active and content, not active and wanting to be, already active: the 355 of the 2016 table. */
        @JsonProperty("participation_potential")
        public int participationPotential() {
            return notActiveContent() + notActiveWanting() + alreadyActive();
        }

        @JsonProperty("not_active_content")
        public int notActiveContent() {
            return of("not_active_content");
        }

        @JsonProperty("not_active_wanting")
        public int notActiveWanting() {
            return notActiveWantsSupport() + notActiveWantsOwnStrength();
        }

        @JsonProperty("not_active_wants_support")
        public int notActiveWantsSupport() {
            return of("not_active_wants_support");
        }

        @JsonProperty("not_active_wants_own_strength")
        public int notActiveWantsOwnStrength() {
            return of("not_active_wants_own");
        }

        @JsonProperty("already_active")
        public int alreadyActive() {
            return of("active") + activeWantsMore();
        }

        @JsonProperty("active_wants_more")
        public int activeWantsMore() {
            return of("active_wants_more");
        }

        /** Already active, of the conversations with an outcome. */
        @JsonProperty("already_active_pct")
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
    static int percent(int part, int whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
}
