package nl.groningen.keukentafel.server.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.office.ReportFigures;
import nl.groningen.keukentafel.contract.office.ReportScope;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The council's figures as they leave the server, the same from the {@code report} command and the
 * office API's reports endpoint: CSV, which may leave the office, shows a count below
 * {@link ReportFigures#SMALL_COUNT} at wijk or coach level as "&lt; 5" and says so in its header;
 * the command's JSON for scripts gives exact counts and lists those small ones under
 * {@code small_counts}.
 */
public final class ReportExport {

    private ReportExport() {
    }

    // ---- JSON ------------------------------------------------------------------------------------

    /** The figures as JSON, with {@code small_counts}: the JSON pointers of counts below 5 at wijk or coach level. */
    public static String json(ReportFigures figures) {
        ObjectMapper mapper = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode tree = mapper.valueToTree(figures);
        List<String> small = new ArrayList<>();
        if (figures.scope().isSmallArea()) {
            for (String section : List.of("reach", "approaches", "outcomes", "follow_up", "in_beeld", "discipline")) {
                smallCounts(tree.get(section), "/" + section, small);
            }
        } else {
            smallCounts(tree.path("approaches").get("per_wijk"), "/approaches/per_wijk", small);
            smallCounts(tree.get("discipline"), "/discipline", small);
        }
        ObjectNode smallCounts = tree.putObject("small_counts");
        smallCounts.put("below", ReportFigures.SMALL_COUNT);
        ArrayNode paths = smallCounts.putArray("paths");
        small.forEach(paths::add);
        try {
            return mapper.writeValueAsString(tree) + System.lineSeparator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void smallCounts(JsonNode node, String path, List<String> small) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                smallCounts(node.get(i), path + "/" + i, small);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().endsWith("_pct")) {
                    smallCounts(field.getValue(), path + "/" + field.getKey(), small);
                }
            }
        } else if (node.isInt() && node.intValue() < ReportFigures.SMALL_COUNT) {
            small.add(path);
        }
    }

    // ---- CSV -------------------------------------------------------------------------------------

    /** The figures as CSV: one row per count (figure; code; omschrijving; wijk of coach; aantal; procent). */
    public static String csv(ReportFigures f) {
        Rows rows = new Rows(f.scope().isSmallArea());
        ReportFigures.Reach reach = f.reach();
        rows.add("bereik", "in_group", "In de groep (nu)", null, reach.inGroup(), null, false);
        rows.add("bereik", "spoken", "Gesproken", null, reach.spoken(), reach.spokenPct(), false);
        rows.add("bereik", "declined_or_known_at_wij", "Afgezien van gesprek of bekend bij WIJ", null,
                reach.declinedOrKnownAtWij(), reach.declinedOrKnownAtWijPct(), false);
        rows.add("bereik", "not_reachable", "Niet bereikbaar", null, reach.notReachable(), reach.notReachablePct(), false);
        rows.add("bereik", "to_schedule", "Nog in te plannen", null, reach.toSchedule(), reach.toSchedulePct(), false);
        ReportFigures.Approaches a = f.approaches();
        rows.add("benaderingen", "invitations", "Uitnodigingen in de periode", null, a.invitations(), null, false);
        rows.add("benaderingen", "conversations", "Gesprekken in de periode", null, a.conversations(), a.conversationPct(), false);
        for (ReportFigures.WijkApproaches w : a.perWijk()) {
            rows.add("benaderingen", "invitations", "Uitnodigingen in de periode", w.wijk(), w.invitations(), null, true);
            rows.add("benaderingen", "conversations", "Gesprekken in de periode", w.wijk(), w.conversations(), w.conversationPct(), true);
        }
        rows.add("benaderingen", "second_invitations", "Uitnodigingen na een eerder gesprek", null, a.secondInvitations(), null, false);
        rows.add("benaderingen", "second_invitations_followed_up", "Waarvan een vervolggesprek", null,
                a.secondInvitationsFollowedUp(), a.secondInvitationsFollowedUpPct(), false);
        ReportFigures.Outcomes o = f.outcomes();
        rows.add("uitkomsten", "conversations", "Gesprekken in de periode", null, o.conversations(), null, false);
        rows.add("uitkomsten", "work_potential", "Arbeidspotentieel", null, o.workPotential(), null, false);
        rows.add("uitkomsten", "care_need", "Zorgvraag of meervoudige problematiek", null, o.careNeed(), null, false);
        rows.add("uitkomsten", "exemption_request", "Vraagt ontheffing arbeidsplicht", null, o.exemptionRequest(), null, false);
        rows.add("uitkomsten", "participation_potential", "Participatiepotentieel", null, o.participationPotential(), null, false);
        rows.add("uitkomsten", "not_active_content", "Niet actief en tevreden", null, o.notActiveContent(), null, false);
        rows.add("uitkomsten", "not_active_wanting", "Niet actief, wil wel", null, o.notActiveWanting(), null, false);
        rows.add("uitkomsten", "not_active_wants_support", "Niet actief, wil wel, met ondersteuning", null,
                o.notActiveWantsSupport(), null, false);
        rows.add("uitkomsten", "not_active_wants_own_strength", "Niet actief, wil wel, op eigen kracht", null,
                o.notActiveWantsOwnStrength(), null, false);
        rows.add("uitkomsten", "already_active", "Al actief", null, o.alreadyActive(), o.alreadyActivePct(), false);
        rows.add("uitkomsten", "active_wants_more", "Al actief, wil meer", null, o.activeWantsMore(), null, false);
        o.referralsPerPartner().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                rows.add("verwijzingen", e.getKey(), "Verwijzingen in de periode naar partner", null, e.getValue(), null, false));
        ReportFigures.FollowUp u = f.followUp();
        rows.add("vervolg", "spoken", "Gesproken (nu)", null, u.spoken(), null, false);
        rows.add("vervolg", "in_trajectory", "In een traject", null, u.inTrajectory(), null, false);
        rows.add("vervolg", "connected_to_care", "In contact met hulpverlening", null, u.connectedToCare(), null, false);
        rows.add("vervolg", "own_goals", "Eigen doelen gesteld", null, u.ownGoals(), null, false);
        rows.add("vervolg", "no_support_question", "Geen ondersteuningsvraag", null, u.noSupportQuestion(), null, false);
        ReportFigures.InBeeld b = f.inBeeld();
        rows.add("in_beeld", "selected", "Geselecteerd (de groep)", null, b.selected(), null, false);
        rows.add("in_beeld", "invited", "Uitgenodigd", null, b.invited(), null, false);
        rows.add("in_beeld", "in_view", "In beeld", null, b.inView(), null, false);
        rows.add("in_beeld", "spoken", "Gesproken", null, b.spoken(), null, false);
        rows.add("in_beeld", "benefit_reviews", "Heronderzoek recht op uitkering", null, b.benefitReviews(), null, false);
        rows.add("in_beeld", "fraud_signals", "Signaal naar handhaving", null, b.fraudSignals(), null, false);
        rows.add("in_beeld", "care_signals", "Zorgsignaal naar WIJ-team", null, b.careSignals(), null, false);
        rows.add("in_beeld", "spoken_at_home", "Thuis gesproken", null, b.spokenAtHome(), null, false);
        rows.average("in_beeld", "average_conversation_rating", "Gemiddeld cijfer voor het gesprek", b.averageConversationRating());
        rows.average("in_beeld", "average_contact_value_rating", "Gemiddeld cijfer voor zo in contact blijven",
                b.averageContactValueRating());
        rows.average("in_beeld", "average_duration_minutes", "Gemiddelde duur van een gesprek (minuten)", b.averageDurationMinutes());
        for (ReportFigures.CoachDiscipline d : f.discipline()) {
            String coach = d.coachName() == null ? d.coachId().toString() : d.coachName();
            rows.add("opvolging", "residents", "Cliënten", coach, d.residents(), null, true);
            rows.add("opvolging", "contacts_overdue", "Contact te laat", coach, d.contactsOverdue(), null, true);
            rows.add("opvolging", "agreements_overdue", "Afspraken van de coach over de datum", coach, d.agreementsOverdue(), null, true);
            rows.add("opvolging", "referrals_unanswered", "Verwijzingen zonder antwoord na de controledatum", coach,
                    d.referralsUnanswered(), null, true);
        }
        StringWriter text = new StringWriter();
        text.append("# Keukentafel, cijfers van ").append(f.from().toString()).append(" tot en met ").append(f.to().toString())
                .append("; ").append(describe(f.scope())).append("; stand en 'te laat' op ").append(f.asOf().toString())
                .append(System.lineSeparator());
        text.append("# Aantallen onder ").append(String.valueOf(ReportFigures.SMALL_COUNT))
                .append(" op wijk- of coachniveau staan als \"< 5\", om niemand herkenbaar te maken.").append(System.lineSeparator());
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setDelimiter(';')
                .setRecordSeparator(System.lineSeparator()).build())) {
            printer.printRecord("figuur", "code", "omschrijving", "wijk_of_coach", "aantal", "procent");
            for (List<String> row : rows.rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String describe(ReportScope scope) {
        return switch (scope.level()) {
            case CITY -> "heel de stad";
            case AREA -> "gebied " + scope.value();
            case WIJK -> "wijk " + scope.value();
            case COACH -> "coach " + scope.value();
        };
    }

    /** The CSV rows, hiding small counts (and their percentages) where they are about few people. */
    private static final class Rows {
        final List<List<String>> rows = new ArrayList<>();
        final boolean smallScope;

        Rows(boolean smallScope) {
            this.smallScope = smallScope;
        }

        void add(String figure, String code, String label, String detail, int count, Integer pct, boolean smallLevel) {
            boolean hide = (smallScope || smallLevel) && count < ReportFigures.SMALL_COUNT;
            rows.add(List.of(figure, code, label, detail == null ? "" : detail, hide ? "< " + ReportFigures.SMALL_COUNT
                    : Integer.toString(count), hide || pct == null ? "" : Integer.toString(pct)));
        }

        void average(String figure, String code, String label, Double value) {
            rows.add(List.of(figure, code, label, "", value == null ? "" : String.format(Locale.ROOT, "%.1f", value), ""));
        }
    }
}
