package nl.groningen.keukentafel.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.groningen.keukentafel.contract.office.ReportFigures;
import nl.groningen.keukentafel.contract.office.ReportScope;
import nl.groningen.keukentafel.server.domain.StoreKind;

/**
 * The council's figures (docs/reports.md), counted in SQL from the records as the laptops synced
 * them: from their {@link ReportFacts}, the fields counted in plain columns, never from the JSON
 * bodies. The facts of the residents in scope are gathered once per report into temporary tables
 * of this connection ({@code report_*}, dropped at the end), and every figure is counted from those. All of it runs in one read transaction, on PostgreSQL at REPEATABLE READ, so
 * every figure is of the same moment.
 */
public final class Reports {

    /** Partners whose accepted referral is a trajectory (work or participation support). */
    static final List<String> TRAJECTORY_PARTNERS = List.of("cnw", "meedoen", "rc_mp", "werkpro");
    /** Partners whose accepted or completed referral connects a resident to care. */
    static final List<String> CARE_PARTNERS = List.of("wij", "ggz", "gkb");

    private final ServerStore store;

    public Reports(ServerStore store) {
        this.store = store;
    }

    /**
     * Every figure for the period {@code from}..{@code to} (both inclusive) and the scope;
     * "overdue" is measured against {@code asOf} (the office's today).
     */
    public ReportFigures figures(LocalDate from, LocalDate to, ReportScope scope, LocalDate asOf) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The period ends before it starts");
        }
        return store.inReadTransaction(connection -> {
            if (store.kind() == StoreKind.POSTGRESQL) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            Query q = new Query(connection, new Sql(store.kind()), scope, from.toString(), to.toString());
            q.collect();
            try {
                return new ReportFigures(from, to, asOf, scope, q.reach(), q.approaches(), q.outcomes(), q.followUp(),
                        q.inBeeld(), q.discipline(asOf.toString()));
            } finally {
                q.drop();
            }
        });
    }

    /** The two dialects' temporary tables; everything else is the same SQL. */
    private record Sql(StoreKind kind) {

        /** A temporary table of this connection, filled by a query. */
        String createTemporary(String name, String select) {
            return kind == StoreKind.POSTGRESQL ? "CREATE TEMPORARY TABLE " + name + " ON COMMIT DROP AS " + select
                    : "CREATE TEMPORARY TABLE " + name + " AS " + select;
        }

        String index(String table, String column) {
            return kind == StoreKind.POSTGRESQL ? "CREATE INDEX " + table + "_by_" + column + " ON " + table + " (" + column + ")"
                    : "CREATE INDEX temp." + table + "_by_" + column + " ON " + table + " (" + column + ")";
        }
    }

    /** The queries of one report: the fields counted, read out once into temporary tables, then one query per figure. */
    private static final class Query {
        /** The temporary tables, in the order they are made. */
        private static final List<String> TABLES = List.of("report_scoped", "report_conv", "report_attempt", "report_ref",
                "report_agr", "report_plan");
        /** The columns the figures join and filter on, per table: statistics of the others would cost time and change no plan. */
        private static final Map<String, String> KEYS = Map.of("report_scoped", "id, status, specialist", "report_conv",
                "resident_id, d", "report_attempt", "resident_id, channel, d", "report_ref", "resident_id, st",
                "report_agr", "coach_id", "report_plan", "resident_id");

        private final Connection connection;
        private final Sql sql;
        private final ReportScope scope;
        private final String from;
        private final String to;

        Query(Connection connection, Sql sql, ReportScope scope, String from, String to) {
            this.connection = connection;
            this.sql = sql;
            this.scope = scope;
            this.from = from;
            this.to = to;
        }

        /**
         * report_scoped: the residents in scope, placed by their coach and wijk now; report_conv: their
         * finalised conversations that no other finalised conversation corrects; report_attempt: their
         * letters (the invitations and reminders; calls and visits count nowhere); report_ref: their
         * referrals; report_agr: the coaches' open agreements (the only ones counted, as overdue);
         * report_plan: their development plans. Only codes, dates, numbers and flags: no names, no
         * free text (own goals become 1 or 0).
         */
        void collect() throws SQLException {
            drop(); // a connection from the pool may still hold them if an earlier report failed half-way
            String where = switch (scope.level()) {
                case CITY -> "1 = 1";
                case AREA -> "c.area = ?";
                case WIJK -> "f.wijk = ?";
                case COACH -> "r.coach_id = ?";
            };
            try (PreparedStatement statement = connection.prepareStatement(sql.createTemporary("report_scoped",
                    "SELECT r.id, r.coach_id, f.wijk, f.outreach_status AS status, f.specialist_team AS specialist,"
                    + " f.next_contact_due AS next_due"
                    + " FROM resident r JOIN resident_fact f ON f.resident_id = r.id"
                    + " LEFT JOIN coach c ON c.id = r.coach_id WHERE " + where))) {
                if (scope.value() != null) {
                    statement.setString(1, scope.value());
                }
                statement.executeUpdate();
            }
            execute(sql.index("report_scoped", "id"));
            records("report_conv", "conversation_fact", "x.id, x.status AS st, x.corrects, x.held_on AS d, x.follow_up AS fu,"
                    + " x.outcome, x.place, x.duration_minutes AS minutes, x.conversation_rating AS rating,"
                    + " x.contact_value_rating AS value_rating, x.has_own_goals AS goals, x.benefit_review, x.fraud_signal,"
                    + " x.care_signal", "x.status = 'finalised' AND NOT EXISTS (SELECT 1 FROM conversation_fact k"
                    + " JOIN report_scoped ks ON ks.id = k.resident_id WHERE k.status = 'finalised' AND k.corrects = x.id)");
            execute(sql.index("report_conv", "resident_id"));
            records("report_attempt", "contact_attempt_fact", "x.attempted_on AS d, x.channel",
                    "x.channel IN ('letter_1', 'letter_2')");
            execute(sql.index("report_attempt", "resident_id"));
            records("report_ref", "referral_fact", "x.partner, x.status AS st, x.referred_on AS d, x.check_on", "1 = 1");
            execute(sql.index("report_ref", "resident_id"));
            records("report_agr", "agreement_fact", "x.owner, x.status AS st, x.due_date AS due",
                    "x.owner = 'coach' AND x.status = 'open'");
            records("report_plan", "development_plan_fact", "x.goal_count AS goals", "1 = 1");
            execute(sql.index("report_plan", "resident_id"));
            if (sql.kind() == StoreKind.POSTGRESQL) {
                // Statistics for the plans only: a sample of 3,000 rows instead of 30,000 is plenty for these joins.
                execute("SET LOCAL default_statistics_target = 10");
                for (String table : TABLES) {
                    execute("ANALYZE " + table + " (" + KEYS.get(table) + ")"); // temporary tables have no statistics until asked
                }
            }
        }

        /** Removes the temporary tables (on PostgreSQL the commit would too). */
        void drop() throws SQLException {
            for (String table : TABLES) {
                execute("DROP TABLE IF EXISTS " + (sql.kind() == StoreKind.SQLITE ? "temp." : "") + table);
            }
        }

        /** The facts of one kind of record ({@code x}) of the residents in scope, with the resident's coach and wijk; only those {@code where} holds. */
        private void records(String name, String facts, String columns, String where) throws SQLException {
            execute(sql.createTemporary(name, "SELECT x.resident_id, s.coach_id, s.wijk, " + columns
                    + " FROM " + facts + " x JOIN report_scoped s ON s.id = x.resident_id WHERE " + where));
        }

        private void execute(String statement) throws SQLException {
            try (Statement plain = connection.createStatement()) {
                plain.execute(statement);
            }
        }

        ReportFigures.Reach reach() throws SQLException {
            int[] n = ints("""
                    SELECT COUNT(*),
                        SUM(CASE WHEN status = 'spoken' THEN 1 ELSE 0 END),
                        SUM(CASE WHEN status = 'declined' THEN 1 ELSE 0 END),
                        SUM(CASE WHEN status = 'known_at_wij' THEN 1 ELSE 0 END),
                        SUM(CASE WHEN status = 'not_reachable' THEN 1 ELSE 0 END),
                        SUM(CASE WHEN status = 'to_schedule' THEN 1 ELSE 0 END)
                    FROM report_scoped WHERE specialist = 0""", 6);
            return new ReportFigures.Reach(n[0], n[1], n[2] + n[3], n[2], n[3], n[4], n[5]);
        }

        ReportFigures.Approaches approaches() throws SQLException {
            List<ReportFigures.WijkApproaches> perWijk = new ArrayList<>();
            int invitations = 0;
            int conversations = 0;
            try (PreparedStatement statement = prepare("""
                    SELECT wijk, SUM(invited), SUM(spoken) FROM (
                        SELECT wijk, 1 AS invited, 0 AS spoken FROM report_attempt WHERE channel = 'letter_1' AND d BETWEEN ? AND ?
                        UNION ALL
                        SELECT wijk, 0, 1 FROM report_conv WHERE d BETWEEN ? AND ?) w
                    GROUP BY wijk ORDER BY wijk""", from, to, from, to);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ReportFigures.WijkApproaches wijk = new ReportFigures.WijkApproaches(rows.getString(1), rows.getInt(2),
                            rows.getInt(3));
                    perWijk.add(wijk);
                    invitations += wijk.invitations();
                    conversations += wijk.conversations();
                }
            }
            int[] second = ints("""
                    SELECT COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM report_conv f WHERE f.resident_id = a.resident_id AND f.fu = 1
                                                        AND f.d >= a.d AND f.d <= ?) THEN 1 ELSE 0 END)
                    FROM report_attempt a
                    WHERE a.channel = 'letter_1' AND a.d BETWEEN ? AND ?
                      AND EXISTS (SELECT 1 FROM report_conv p WHERE p.resident_id = a.resident_id AND p.d < a.d)""", 2, to, from, to);
            return new ReportFigures.Approaches(invitations, conversations, perWijk, second[0], second[1]);
        }

        ReportFigures.Outcomes outcomes() throws SQLException {
            int conversations = ints("SELECT COUNT(*) FROM report_conv WHERE d BETWEEN ? AND ?", 1, from, to)[0];
            Map<String, Integer> categories = counts(
                    "SELECT outcome, COUNT(*) FROM report_conv WHERE d BETWEEN ? AND ? AND outcome IS NOT NULL GROUP BY outcome", from, to);
            Map<String, Integer> partners = counts(
                    "SELECT partner, COUNT(*) FROM report_ref WHERE d BETWEEN ? AND ? AND partner IS NOT NULL GROUP BY partner", from, to);
            return new ReportFigures.Outcomes(conversations, categories, partners);
        }

        ReportFigures.FollowUp followUp() throws SQLException {
            String trajectory = "EXISTS (SELECT 1 FROM report_ref t WHERE t.resident_id = s.id AND t.st = 'accepted' AND t.partner IN "
                    + list(TRAJECTORY_PARTNERS) + ")";
            String care = "EXISTS (SELECT 1 FROM report_ref h WHERE h.resident_id = s.id AND h.st IN ('accepted', 'completed') AND h.partner IN "
                    + list(CARE_PARTNERS) + ")";
            String goals = "(EXISTS (SELECT 1 FROM report_conv g WHERE g.resident_id = s.id AND g.goals = 1)"
                    + " OR EXISTS (SELECT 1 FROM report_plan p WHERE p.resident_id = s.id AND p.goals > 0))";
            String anyReferral = "EXISTS (SELECT 1 FROM report_ref a WHERE a.resident_id = s.id)";
            int[] n = ints("SELECT COUNT(*), "
                    + "SUM(CASE WHEN " + trajectory + " THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN " + care + " THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN " + goals + " THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN NOT " + anyReferral + " AND NOT " + goals + " THEN 1 ELSE 0 END) "
                    + "FROM report_scoped s WHERE s.status = 'spoken' AND s.specialist = 0", 5);
            return new ReportFigures.FollowUp(n[0], n[1], n[2], n[3], n[4]);
        }

        ReportFigures.InBeeld inBeeld() throws SQLException {
            int[] n = ints("""
                    WITH invited AS (SELECT DISTINCT resident_id FROM report_attempt WHERE channel IN ('letter_1', 'letter_2') AND d BETWEEN ? AND ?)
                    SELECT (SELECT COUNT(*) FROM report_scoped WHERE specialist = 0),
                        (SELECT COUNT(*) FROM invited),
                        (SELECT COUNT(*) FROM invited i JOIN report_scoped s ON s.id = i.resident_id WHERE s.status <> 'to_schedule'),
                        (SELECT COUNT(*) FROM invited i WHERE EXISTS (SELECT 1 FROM report_conv c WHERE c.resident_id = i.resident_id
                            AND c.d BETWEEN ? AND ?)),
                        (SELECT COUNT(*) FROM invited i WHERE EXISTS (SELECT 1 FROM report_conv c WHERE c.resident_id = i.resident_id
                            AND c.d BETWEEN ? AND ? AND c.place = 'home'))""", 5,
                    from, to, from, to, from, to);
            try (PreparedStatement statement = prepare("""
                    SELECT COALESCE(SUM(benefit_review), 0), COALESCE(SUM(fraud_signal), 0), COALESCE(SUM(care_signal), 0),
                        AVG(rating), AVG(value_rating), AVG(minutes)
                    FROM report_conv WHERE d BETWEEN ? AND ?""", from, to);
                 ResultSet row = statement.executeQuery()) {
                row.next();
                return new ReportFigures.InBeeld(n[0], n[1], n[2], n[3], row.getInt(1), row.getInt(2), row.getInt(3), n[4],
                        average(row, 4), average(row, 5), average(row, 6));
            }
        }

        List<ReportFigures.CoachDiscipline> discipline(String asOf) throws SQLException {
            Map<String, int[]> perCoach = new TreeMap<>();
            Map<String, String[]> coaches = new LinkedHashMap<>();
            try (PreparedStatement statement = prepare("""
                    SELECT s.coach_id, c.name, c.area, COUNT(*), SUM(CASE WHEN s.next_due < ? THEN 1 ELSE 0 END)
                    FROM report_scoped s JOIN coach c ON c.id = s.coach_id GROUP BY s.coach_id, c.name, c.area""", asOf);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    coaches.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3)});
                    perCoach.put(rows.getString(1), new int[] {rows.getInt(4), rows.getInt(5), 0, 0});
                }
            }
            counts("SELECT coach_id, COUNT(*) FROM report_agr WHERE owner = 'coach' AND st = 'open' AND due < ? "
                    + "AND coach_id IS NOT NULL GROUP BY coach_id", asOf)
                    .forEach((coach, n) -> perCoach.computeIfAbsent(coach, k -> new int[4])[2] = n);
            counts("SELECT coach_id, COUNT(*) FROM report_ref WHERE st = 'referred' AND check_on < ? "
                    + "AND coach_id IS NOT NULL GROUP BY coach_id", asOf)
                    .forEach((coach, n) -> perCoach.computeIfAbsent(coach, k -> new int[4])[3] = n);
            List<ReportFigures.CoachDiscipline> result = new ArrayList<>();
            perCoach.forEach((coach, n) -> {
                String[] who = coaches.getOrDefault(coach, new String[] {null, null});
                result.add(new ReportFigures.CoachDiscipline(UUID.fromString(coach), who[0], who[1], n[0], n[1], n[2], n[3]));
            });
            result.sort(java.util.Comparator.comparing((ReportFigures.CoachDiscipline d) -> String.valueOf(d.area()))
                    .thenComparing(d -> String.valueOf(d.coachName())));
            return result;
        }

        // ---- plumbing ------------------------------------------------------------------------------

        private static Double average(ResultSet row, int column) throws SQLException {
            double value = row.getDouble(column);
            return row.wasNull() ? null : Math.round(value * 10) / 10.0;
        }

        private static String list(List<String> codes) {
            return "('" + String.join("', '", codes) + "')";
        }

        /** A statement with its parameters. */
        private PreparedStatement prepare(String text, String... parameters) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(text);
            int i = 1;
            for (String parameter : parameters) {
                statement.setString(i++, parameter);
            }
            return statement;
        }

        /** One row of {@code columns} counts (a SUM over no rows is 0). */
        private int[] ints(String text, int columns, String... parameters) throws SQLException {
            try (PreparedStatement statement = prepare(text, parameters); ResultSet row = statement.executeQuery()) {
                row.next();
                int[] values = new int[columns];
                for (int i = 0; i < columns; i++) {
                    values[i] = row.getInt(i + 1);
                }
                return values;
            }
        }

        /** Rows of (code, count), in code order. */
        private Map<String, Integer> counts(String text, String... parameters) throws SQLException {
            Map<String, Integer> counts = new TreeMap<>();
            try (PreparedStatement statement = prepare(text, parameters); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
            return counts;
        }
    }
}
