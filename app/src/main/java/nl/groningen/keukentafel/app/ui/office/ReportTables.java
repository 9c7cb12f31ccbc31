package nl.groningen.keukentafel.app.ui.office;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.office.ReportFigures;

/**
 * The council's figures as the tables the reports screen and its PDF show, one per figure, each
 * shaped like the council letters' tables (docs/reports.md says how each is counted). The screen
 * shows exact counts; an export that leaves the office hides a count below
 * {@link ReportFigures#SMALL_COUNT} where it is about few people (a wijk or coach scope, or a
 * per-wijk or per-coach line) as "&lt; 5", with the percentages of that line.
 */
public final class ReportTables {

    /** What a cell holds: words, a count, a percentage or an average. */
    public enum Kind { TEXT, COUNT, PERCENT, AVERAGE }

    /** One cell; {@code number} is null for words and for an average of nothing. */
    public record Value(Kind kind, String text, Double number) {

        static Value text(String text) {
            return new Value(Kind.TEXT, text, null);
        }

        static Value count(int count) {
            return new Value(Kind.COUNT, null, (double) count);
        }

        static Value percent(int percent) {
            return new Value(Kind.PERCENT, null, (double) percent);
        }

        static Value average(Double average) {
            return new Value(Kind.AVERAGE, null, average);
        }

        static Value none() {
            return new Value(Kind.TEXT, "", null);
        }

        /** A count that an export leaving the office shows as "&lt; 5". */
        boolean small() {
            return kind == Kind.COUNT && number < ReportFigures.SMALL_COUNT;
        }
    }

    /** One line: its cells, and whether the chart shows it. */
    public record Row(List<Value> cells, boolean charted) {

        public Row {
            cells = List.copyOf(cells);
        }

        /** The line's label (its first cell). */
        public String label() {
            return cells.get(0).text();
        }
    }

    /**
     * One figure: its title, where the council's letter has it, the column headers, the lines, the
     * columns the chart draws (one series each), and whether each line is about one wijk or coach.
     */
    public record Table(String id, String title, String source, List<String> columns, List<Row> rows, List<Integer> chartColumns,
                        boolean perPlace) {

        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            chartColumns = List.copyOf(chartColumns);
        }
    }

    private final Messages messages;
    private final ReferenceData reference;

    public ReportTables(Messages messages, ReferenceData reference) {
        this.messages = messages;
        this.reference = reference;
    }

    /** Every figure of the reports screen, in the order the screen's tabs show them. */
    public List<Table> of(ReportFigures f) {
        return List.of(reach(f.reach()), approaches(f.approaches()), perWijk(f.approaches()), outcomes(f.outcomes()),
                referrals(f.outcomes()), followUp(f.followUp()), inBeeld(f.inBeeld()), discipline(f.discipline()));
    }

    /**
     * The text of a cell: exact on the screen; in an export that leaves the office, a small count
     * (and the percentages on its line) as "&lt; 5" and "" where the scope or the line is about few people.
     */
    public String shown(Table table, Row row, Value cell, boolean leavesOffice, boolean smallScope) {
        boolean hideLine = leavesOffice && (smallScope || table.perPlace()) && row.cells().stream().anyMatch(Value::small);
        return switch (cell.kind()) {
            case TEXT -> cell.text();
            case COUNT -> hideLine && cell.small() ? messages.text("office.reports.small", ReportFigures.SMALL_COUNT)
                    : messages.number(cell.number().longValue());
            case PERCENT -> hideLine ? "" : messages.text("office.reports.percent", messages.number(cell.number().longValue()));
            case AVERAGE -> cell.number() == null ? "–" : messages.decimal(cell.number());
        };
    }

    private Table reach(ReportFigures.Reach r) {
        List<Row> rows = List.of(
                line("inGroup", false, Value.count(r.inGroup()), Value.none()),
                line("spoken", true, Value.count(r.spoken()), Value.percent(r.spokenPct())),
                line("declinedOrWij", true, Value.count(r.declinedOrKnownAtWij()), Value.percent(r.declinedOrKnownAtWijPct())),
                line("declined", false, Value.count(r.declined()), Value.none()),
                line("knownAtWij", false, Value.count(r.knownAtWij()), Value.none()),
                line("notReachable", true, Value.count(r.notReachable()), Value.percent(r.notReachablePct())),
                line("toSchedule", true, Value.count(r.toSchedule()), Value.percent(r.toSchedulePct())));
        return table("reach", List.of(column("what"), column("count"), column("share")), rows, List.of(1), false);
    }

    private Table approaches(ReportFigures.Approaches a) {
        List<Row> rows = List.of(
                line("invitations", true, Value.count(a.invitations()), Value.none()),
                line("conversations", true, Value.count(a.conversations()), Value.percent(a.conversationPct())),
                line("secondInvitations", true, Value.count(a.secondInvitations()), Value.none()),
                line("secondFollowedUp", true, Value.count(a.secondInvitationsFollowedUp()),
                        Value.percent(a.secondInvitationsFollowedUpPct())));
        return table("approaches", List.of(column("what"), column("count"), column("share")), rows, List.of(1), false);
    }

    private Table perWijk(ReportFigures.Approaches a) {
        List<Row> rows = a.perWijk().stream()
                .sorted(Comparator.comparing(ReportFigures.WijkApproaches::wijk))
                .map(w -> new Row(List.of(Value.text(w.wijk()), Value.count(w.invitations()), Value.count(w.conversations()),
                        Value.percent(w.conversationPct())), true))
                .toList();
        return table("perWijk", List.of(column("wijk"), column("invitations"), column("conversations"), column("share")), rows,
                List.of(1, 2), true);
    }

    private Table outcomes(ReportFigures.Outcomes o) {
        int withOutcome = o.byCategory().values().stream().mapToInt(Integer::intValue).sum();
        List<Row> rows = new ArrayList<>();
        rows.add(line("withOutcome", false, Value.count(withOutcome), Value.none()));
        rows.add(share("workPotential", true, o.workPotential(), withOutcome));
        rows.add(share("careNeed", true, o.careNeed(), withOutcome));
        rows.add(share("exemptionRequest", true, o.exemptionRequest(), withOutcome));
        rows.add(share("participationPotential", false, o.participationPotential(), withOutcome));
        rows.add(share("notActiveContent", true, o.notActiveContent(), withOutcome));
        rows.add(share("notActiveWanting", false, o.notActiveWanting(), withOutcome));
        rows.add(share("wantsSupport", true, o.notActiveWantsSupport(), withOutcome));
        rows.add(share("wantsOwnStrength", true, o.notActiveWantsOwnStrength(), withOutcome));
        rows.add(line("alreadyActive", false, Value.count(o.alreadyActive()), Value.percent(o.alreadyActivePct())));
        rows.add(share("activeOnly", true, o.alreadyActive() - o.activeWantsMore(), withOutcome));
        rows.add(share("activeWantsMore", true, o.activeWantsMore(), withOutcome));
        return table("outcomes", List.of(column("what"), column("count"), column("share")), rows, List.of(1), false);
    }

    private Table referrals(ReportFigures.Outcomes o) {
        List<Row> rows = o.referralsPerPartner().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Row(List.of(Value.text(partner(e.getKey())), Value.count(e.getValue())), true))
                .toList();
        return table("referrals", List.of(column("partner"), column("referrals")), rows, List.of(1), false);
    }

    private Table followUp(ReportFigures.FollowUp u) {
        List<Row> rows = List.of(
                line("spokenNow", false, Value.count(u.spoken()), Value.none()),
                share("inTrajectory", true, u.inTrajectory(), u.spoken()),
                share("connectedToCare", true, u.connectedToCare(), u.spoken()),
                share("ownGoals", true, u.ownGoals(), u.spoken()),
                share("noSupportQuestion", true, u.noSupportQuestion(), u.spoken()));
        return table("followUp", List.of(column("what"), column("count"), column("share")), rows, List.of(1), false);
    }

    private Table inBeeld(ReportFigures.InBeeld b) {
        List<Row> rows = List.of(
                line("selected", true, Value.count(b.selected())),
                line("invited", true, Value.count(b.invited())),
                line("inView", true, Value.count(b.inView())),
                line("spokenInBeeld", true, Value.count(b.spoken())),
                line("benefitReviews", false, Value.count(b.benefitReviews())),
                line("fraudSignals", false, Value.count(b.fraudSignals())),
                line("careSignals", false, Value.count(b.careSignals())),
                line("spokenAtHome", false, Value.count(b.spokenAtHome())),
                line("conversationRating", false, Value.average(b.averageConversationRating())),
                line("contactRating", false, Value.average(b.averageContactValueRating())),
                line("duration", false, Value.average(b.averageDurationMinutes())));
        return table("inBeeld", List.of(column("what"), column("count")), rows, List.of(1), false);
    }

    private Table discipline(List<ReportFigures.CoachDiscipline> coaches) {
        List<Row> rows = coaches.stream()
                .sorted(Comparator.comparing(d -> d.coachName() == null ? "" : d.coachName()))
                .map(d -> new Row(List.of(Value.text(d.coachName() == null ? messages.text("office.reports.unknownCoach") : d.coachName()),
                        Value.count(d.residents()), Value.count(d.contactsOverdue()), Value.count(d.agreementsOverdue()),
                        Value.count(d.referralsUnanswered())), true))
                .toList();
        return table("discipline", List.of(column("coach"), column("residents"), column("contactsOverdue"),
                column("agreementsOverdue"), column("referralsUnanswered")), rows, List.of(2, 3, 4), true);
    }

    private Table table(String id, List<String> columns, List<Row> rows, List<Integer> chartColumns, boolean perPlace) {
        return new Table(id, messages.text("office.reports." + id + ".title"), messages.text("office.reports." + id + ".source"),
                columns, rows, chartColumns, perPlace);
    }

    private Row line(String key, boolean charted, Value... values) {
        List<Value> cells = new ArrayList<>();
        cells.add(Value.text(messages.text("office.reports.row." + key)));
        cells.addAll(List.of(values));
        return new Row(cells, charted);
    }

    private Row share(String key, boolean charted, int count, int whole) {
        return line(key, charted, Value.count(count), Value.percent(ReportFigures.percent(count, whole)));
    }

    private String column(String key) {
        return messages.text("office.reports.column." + key);
    }

    private String partner(String code) {
        return reference.partners().stream().filter(p -> p.code().equals(code)).findFirst()
                .map(messages::label).orElse(code);
    }
}
