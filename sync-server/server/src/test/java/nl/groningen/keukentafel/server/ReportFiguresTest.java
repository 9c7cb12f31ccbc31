package nl.groningen.keukentafel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.ContactChannel;
import nl.groningen.keukentafel.contract.ContactResult;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Place;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.ReferralStatus;
import nl.groningen.keukentafel.contract.office.OfficeApi;
import nl.groningen.keukentafel.contract.office.ReportFigures;
import nl.groningen.keukentafel.contract.office.ReportScope;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.http.SyncServer;
import nl.groningen.keukentafel.server.http.TestClient;
import nl.groningen.keukentafel.server.storage.Reports;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The council's figures come out of the records exactly: a city built only through the public ways
 * in (the caseload CSV through {@code import-caseload}, then what three coaches' laptops push over
 * HTTP) whose true counts are the 2019 letter's figure 1 and figure 2 and the 2016 letter's outcome
 * table, per wijk too; the report, its JSON and its CSV, from the command line and from the office
 * API, must give those numbers, on both stores.
 */
@ExtendWith(TestStores.class)
class ReportFiguresTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
    /** The 2016 letter's period: from the start in Selwerd to the letter. */
    private static final LocalDate FROM = LocalDate.of(2015, 10, 19);
    private static final LocalDate TO = LocalDate.of(2016, 3, 1);
    private static final ObjectMapper JSON = Json.mapper();
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** Where a resident's outreach ends up, and for whom the laptops record what. */
    private enum Fate { P_SPOKEN, P_DECLINED, P_UNREACHABLE, SPOKEN, DECLINED, UNREACHABLE, KNOWN_AT_WIJ, TO_SCHEDULE }

    /** After a conversation outside the 2016 period: what followed. */
    private enum After { NONE, TRAJECTORY, CARE, GOALS, WAITING }

    private record Planned(int index, String clientNumber, String wijk, String coach, Fate fate, String outcome, After after) {
    }

    private static final Map<String, String> COACH_OF_WIJK = Map.of("Selwerd", "femke", "Vinkhuizen", "femke",
            "De Wijert", "sanne", "Helpman", "sanne", "Lewenborg", "joost", "Beijum", "joost");
    private static final Map<String, String> AREA_OF_COACH = Map.of("femke", "Noordwest", "sanne", "Zuid", "joost", "Oost");

    @TempDir
    Path folder;

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void theReportGivesTheCouncilsFiguresFromWhatTheLaptopsSynced(StoreKind kind, TestStores stores) throws Exception {
        List<Planned> plan = plan();
        StoreSettings settings = stores.fresh(kind);
        ReportFigures figures;
        JsonNode overHttp;
        String exportedOverHttp;
        try (ServerStore store = ServerStore.open(settings);
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            Map<String, String> tokens = new LinkedHashMap<>();
            for (String user : List.of("femke", "sanne", "joost")) {
                Coach coach = store.coaches().add(user.substring(0, 1).toUpperCase() + user.substring(1) + " Coach",
                        AREA_OF_COACH.get(user));
                tokens.put(user, Laptops.enrol(store, server, user, coach.id()));
            }
            Path csv = folder.resolve("caseload.csv");
            Files.writeString(csv, csv(plan), StandardCharsets.UTF_8);
            ServerCli.Result imported = ServerCli.run(environment(settings), "import-caseload", csv.toString());
            assertThat(imported.exit()).as(imported.err()).isZero();

            Map<String, Planned> byClientNumber = plan.stream().collect(Collectors.toMap(Planned::clientNumber, p -> p));
            for (Map.Entry<String, String> laptop : tokens.entrySet()) {
                PullPage caseload = Laptops.pullAll(server, laptop.getValue(), 0);
                List<Change> changes = new ArrayList<>();
                for (PulledChange pulled : caseload.changes()) {
                    if (RecordKind.RESIDENT.is(pulled.kind())) {
                        changes.addAll(laptopWork((ObjectNode) pulled.body(), byClientNumber.get(pulled.body().get("client_number").asText())));
                    }
                }
                for (int i = 0; i < changes.size(); i += 500) {
                    List<ChangeResult> results = Laptops.push(server, laptop.getValue(), changes.subList(i, Math.min(changes.size(), i + 500)),
                            caseload.nextCursor());
                    assertThat(results).allMatch(r -> r.status() == ChangeStatus.APPLIED, "every change applied");
                }
            }
            figures = new Reports(store).figures(FROM, TO, ReportScope.city(), AS_OF);

            // The office's reports screen asks the office API: the same figures, as JSON and as the CSV export.
            TestClient office = new TestClient(server);
            TestClient.OfficeLogin login = office.enrolOffice(store, CLOCK, "kantoor", Role.OFFICE);
            HttpResponse<String> answer = office.send("GET", OfficeApi.REPORTS + "?from=" + FROM + "&to=" + TO + "&as_of=" + AS_OF,
                    null, null, login.token(), login.session());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            overHttp = JSON.readTree(answer.body());
            exportedOverHttp = office.send("GET", OfficeApi.REPORTS + "?from=" + FROM + "&to=" + TO + "&as_of=" + LocalDate.now(AMSTERDAM)
                    + "&format=csv", null, null, login.token(), login.session()).body();
        }
        assertThat(overHttp).as("the office API's report").isEqualTo(JSON.valueToTree(figures));
        assertThat(overHttp.at("/reach/in_group").asInt()).isEqualTo(6953);
        assertThat(overHttp.at("/reach/spoken").asInt()).isEqualTo(3939);
        assertThat(overHttp.at("/reach/declined_or_known_at_wij").asInt()).isEqualTo(1019);
        assertThat(overHttp.at("/reach/not_reachable").asInt()).isEqualTo(238);
        assertThat(overHttp.at("/reach/to_schedule").asInt()).isEqualTo(1757);
        assertThat(overHttp.at("/outcomes/participation_potential").asInt()).isEqualTo(355);

        // Letter 2019, figure 1: of 6,953 in the group, 3,939 spoken, 1,019 declined or known at WIJ, 238 not reachable, 1,757 to schedule.
        assertThat(figures.reach()).isEqualTo(new ReportFigures.Reach(6953, 3939, 1019, 719, 300, 238, 1757));
        assertThat(List.of(figures.reach().spokenPct(), figures.reach().declinedOrKnownAtWijPct(), figures.reach().notReachablePct(),
                figures.reach().toSchedulePct())).containsExactly(57, 15, 3, 25);
        // Letter 2016: 754 addresses approached, 438 conversations (58%); Selwerd 49%, Vinkhuizen 54%, De Wijert 70%.
        assertThat(figures.approaches().invitations()).isEqualTo(754);
        assertThat(figures.approaches().conversations()).isEqualTo(438);
        assertThat(figures.approaches().conversationPct()).isEqualTo(58);
        assertThat(figures.approaches().perWijk()).containsExactly(new ReportFigures.WijkApproaches("De Wijert", 268, 188),
                new ReportFigures.WijkApproaches("Selwerd", 243, 119), new ReportFigures.WijkApproaches("Vinkhuizen", 243, 131));
        assertThat(figures.approaches().perWijk()).extracting(ReportFigures.WijkApproaches::conversationPct).containsExactly(70, 49, 54);
        // Letter 2016, the outcome table (113 + 32, not the letter's 33: its 145 is the sum).
        ReportFigures.Outcomes outcomes = figures.outcomes();
        assertThat(outcomes.conversations()).isEqualTo(438);
        assertThat(List.of(outcomes.workPotential(), outcomes.careNeed(), outcomes.exemptionRequest(), outcomes.participationPotential()))
                .containsExactly(31, 11, 41, 355);
        assertThat(List.of(outcomes.notActiveContent(), outcomes.notActiveWanting(), outcomes.notActiveWantsSupport(),
                outcomes.notActiveWantsOwnStrength(), outcomes.alreadyActive(), outcomes.activeWantsMore()))
                .containsExactly(117, 145, 113, 32, 93, 8);
        assertThat(outcomes.referralsPerPartner()).isEqualTo(Map.of("cnw", 31, "wij", 11));
        // Letter 2019, figure 2: of those spoken, 341 in a trajectory, 233 connected to care, over 1,000 own goals, about 1,700 none.
        assertThat(figures.followUp()).isEqualTo(new ReportFigures.FollowUp(3939, 341, 233, 1012, 1700));
        // Letter 2021, In Beeld: the funnel over the period, 8 benefit reviews, 3 fraud and 2 care signals, ratings 8.0 and 7.4.
        assertThat(figures.inBeeld()).isEqualTo(new ReportFigures.InBeeld(6953, 754, 754, 438, 8, 3, 2, 428, 8.0, 7.4, 60.0));
        assertThat(figures.approaches().secondInvitations()).isZero();
        // Follow-up discipline per coach, on AS_OF.
        assertThat(figures.discipline()).extracting(d -> d.area() + " " + d.residents() + " " + d.contactsOverdue() + " "
                + d.agreementsOverdue() + " " + d.referralsUnanswered()).containsExactlyElementsOf(expectedDiscipline(plan));

        // The command prints the same figures, as JSON and as CSV.
        ServerCli.Result json = ServerCli.run(environment(settings), "report", "--from", FROM.toString(), "--to", TO.toString(),
                "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode printed = JSON.readTree(json.out());
        JsonNode expected = JSON.valueToTree(figures);
        for (String figure : List.of("reach", "approaches", "outcomes", "follow_up", "in_beeld")) {
            assertThat(printed.get(figure)).as(figure).isEqualTo(expected.get(figure));
        }
        assertThat(printed.at("/reach/spoken").asInt()).isEqualTo(3939);
        assertThat(printed.at("/outcomes/not_active_wants_own_strength").asInt()).isEqualTo(32);

        ServerCli.Result csv = ServerCli.run(environment(settings), "report", "--from", FROM.toString(), "--to", TO.toString(),
                "--format", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(exportedOverHttp).as("the office API's CSV, the same day as the command's").isEqualTo(csv.out());
        Map<String, String> counts = csvCounts(csv.out());
        assertThat(csv.out().lines().limit(2)).anyMatch(l -> l.startsWith("# Aantallen onder 5 op wijk- of coachniveau"));
        assertThat(counts).containsEntry("bereik/in_group/", "6953").containsEntry("bereik/spoken/", "3939")
                .containsEntry("bereik/declined_or_known_at_wij/", "1019").containsEntry("bereik/not_reachable/", "238")
                .containsEntry("bereik/to_schedule/", "1757")
                .containsEntry("uitkomsten/conversations/", "438").containsEntry("uitkomsten/work_potential/", "31")
                .containsEntry("uitkomsten/care_need/", "11").containsEntry("uitkomsten/exemption_request/", "41")
                .containsEntry("uitkomsten/participation_potential/", "355").containsEntry("uitkomsten/not_active_content/", "117")
                .containsEntry("uitkomsten/not_active_wanting/", "145").containsEntry("uitkomsten/not_active_wants_support/", "113")
                .containsEntry("uitkomsten/not_active_wants_own_strength/", "32").containsEntry("uitkomsten/already_active/", "93")
                .containsEntry("uitkomsten/active_wants_more/", "8")
                .containsEntry("benaderingen/conversations/Selwerd", "119").containsEntry("benaderingen/invitations/De Wijert", "268");
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aCsvForAWijkHidesCountsBelowFiveAndSaysSo(StoreKind kind, TestStores stores) throws Exception {
        StoreSettings settings = stores.fresh(kind);
        try (ServerStore store = ServerStore.open(settings);
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            Coach coach = store.coaches().add("Femke Coach", "Noordwest");
            String token = Laptops.enrol(store, server, "femke", coach.id());
            Path csv = folder.resolve("klein.csv");
            List<Planned> few = List.of(new Planned(0, "KT000001", "Selwerd", "femke", Fate.P_SPOKEN, "active", After.NONE),
                    new Planned(1, "KT000002", "Selwerd", "femke", Fate.P_SPOKEN, "care_need", After.NONE),
                    new Planned(2, "KT000003", "Selwerd", "femke", Fate.TO_SCHEDULE, null, After.NONE));
            Files.writeString(csv, csv(few), StandardCharsets.UTF_8);
            assertThat(ServerCli.run(environment(settings), "import-caseload", csv.toString()).exit()).isZero();
            PullPage caseload = Laptops.pullAll(server, token, 0);
            Map<String, Planned> byNumber = few.stream().collect(Collectors.toMap(Planned::clientNumber, p -> p));
            List<Change> changes = new ArrayList<>();
            caseload.changes().stream().filter(c -> RecordKind.RESIDENT.is(c.kind()))
                    .forEach(c -> changes.addAll(laptopWork((ObjectNode) c.body(), byNumber.get(c.body().get("client_number").asText()))));
            Laptops.push(server, token, changes, caseload.nextCursor());
        }

        ServerCli.Result wijk = ServerCli.run(environment(settings), "report", "--from", FROM.toString(), "--to", TO.toString(),
                "--wijk", "Selwerd", "--format", "csv");
        ServerCli.Result json = ServerCli.run(environment(settings), "report", "--from", FROM.toString(), "--to", TO.toString(),
                "--wijk", "Selwerd");
        ServerCli.Result both = ServerCli.run(environment(settings), "report", "--wijk", "Selwerd", "--coach", "femke");
        ServerCli.Result backwards = ServerCli.run(environment(settings), "report", "--from", "2016-03-01", "--to", "2015-01-01");

        assertThat(wijk.exit()).as(wijk.err()).isZero();
        assertThat(wijk.out()).contains("op wijk- of coachniveau staan als \"< 5\"").doesNotContain(";3;", ";2;", ";1;");
        assertThat(csvCounts(wijk.out())).containsEntry("bereik/in_group/", "< 5").containsEntry("bereik/spoken/", "< 5");
        JsonNode printed = JSON.readTree(json.out());
        assertThat(printed.at("/reach/in_group").asInt()).as("JSON for scripts is exact").isEqualTo(3);
        assertThat(printed.at("/small_counts/paths")).anyMatch(p -> p.asText().equals("/reach/in_group"));
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err().lines()).hasSize(1);
        assertThat(backwards.exit()).isEqualTo(2);
        assertThat(backwards.err()).startsWith("De periode eindigt");
    }

    // ---- the city --------------------------------------------------------------------------------

    /** 6,953 residents whose outreach, conversations and follow-up add up to the letters' figures. */
    private static List<Planned> plan() {
        List<String> outcomes = new ArrayList<>();
        add(outcomes, "work_potential", 31);
        add(outcomes, "care_need", 11);
        add(outcomes, "exemption_request", 41);
        add(outcomes, "not_active_content", 117);
        add(outcomes, "not_active_wants_support", 113);
        add(outcomes, "not_active_wants_own", 32);
        add(outcomes, "active", 85);
        add(outcomes, "active_wants_more", 8);
        List<Planned> plan = new ArrayList<>();
        String[] periodWijken = {"Selwerd", "Vinkhuizen", "De Wijert"};
        int[] invited = {243, 243, 268};
        int[] spoken = {119, 131, 188};
        int outcome = 0;
        int notSpoken = 0;
        for (int w = 0; w < 3; w++) {
            for (int k = 0; k < invited[w]; k++) {
                if (k < spoken[w]) {
                    plan.add(planned(plan.size(), periodWijken[w], Fate.P_SPOKEN, outcomes.get(outcome++), After.NONE));
                } else {
                    plan.add(planned(plan.size(), periodWijken[w], notSpoken++ < 200 ? Fate.P_DECLINED : Fate.P_UNREACHABLE, null,
                            After.NONE));
                }
            }
        }
        String[] wijken = {"Helpman", "Lewenborg", "Beijum", "Selwerd", "Vinkhuizen", "De Wijert"};
        int[][] afters = {{After.TRAJECTORY.ordinal(), 310}, {After.CARE.ordinal(), 222}, {After.GOALS.ordinal(), 1012},
                {After.NONE.ordinal(), 1304}, {After.WAITING.ordinal(), 653}};
        for (int[] after : afters) {
            for (int i = 0; i < after[1]; i++) {
                plan.add(planned(plan.size(), wijken[plan.size() % 6], Fate.SPOKEN, i % 2 == 0 ? "active" : "not_active_content",
                        After.values()[after[0]]));
            }
        }
        for (Object[] rest : new Object[][] {{Fate.DECLINED, 519}, {Fate.UNREACHABLE, 122}, {Fate.KNOWN_AT_WIJ, 300},
                {Fate.TO_SCHEDULE, 1757}}) {
            for (int i = 0; i < (int) rest[1]; i++) {
                plan.add(planned(plan.size(), wijken[plan.size() % 6], (Fate) rest[0], null, After.NONE));
            }
        }
        assertThat(plan).hasSize(6953);
        return plan;
    }

    private static void add(List<String> list, String value, int times) {
        for (int i = 0; i < times; i++) {
            list.add(value);
        }
    }

    private static Planned planned(int index, String wijk, Fate fate, String outcome, After after) {
        return new Planned(index, String.format("KT%06d", index + 1), wijk, COACH_OF_WIJK.get(wijk), fate, outcome, after);
    }

    private static String csv(List<Planned> plan) {
        StringBuilder csv = new StringBuilder("client_number;first_name;last_name;street;house_number;postcode;wijk;known_at_wij;coach\n");
        for (Planned p : plan) {
            csv.append(p.clientNumber()).append(";Inwoner;Proef").append(p.index()).append(";Proefstraat;")
                    .append(p.index() % 300 + 1).append(";9712 AB;").append(p.wijk()).append(';')
                    .append(p.fate() == Fate.KNOWN_AT_WIJ ? "ja" : "nee").append(';').append(p.coach()).append('\n');
        }
        return csv.toString();
    }

    /** What the resident's coach records on the laptop, as the changes it pushes. */
    private static List<Change> laptopWork(ObjectNode resident, Planned p) {
        List<Change> changes = new ArrayList<>();
        UUID id = UUID.fromString(resident.get("id").asText());
        int i = p.index();
        LocalDate invitedOn = FROM.plusDays(1 + i % 100);
        LocalDate later = LocalDate.of(2018, 3, 1).plusDays(i % 60);
        switch (p.fate()) {
            case P_SPOKEN -> {
                changes.add(status(resident, "spoken", LocalDate.of(2016, 9, 1)));
                changes.add(attempt(id, invitedOn, ContactChannel.LETTER_1, ContactResult.SENT));
                LocalDate on = invitedOn.plusDays(10);
                String signal = i < 8 ? "benefit_review" : i < 11 ? "fraud_signal" : i < 13 ? "care_signal" : null;
                Conversation conversation = conversation(id, on, i < 10 ? Place.OFFICE : Place.HOME, false, p.outcome(), null,
                        signal, 8, i % 5 < 2 ? 8 : 7, ConversationStatus.FINALISED, null);
                if (i == 0) { // corrected afterwards: only the correction counts
                    Conversation first = conversation(id, on, Place.OFFICE, false, "active", null, null, 8, 8,
                            ConversationStatus.FINALISED, null);
                    changes.add(record(RecordKind.CONVERSATION, id, first.id(), first));
                    conversation = conversation(id, on, Place.OFFICE, false, p.outcome(), null, signal, 8, 8,
                            ConversationStatus.FINALISED, first.id());
                }
                changes.add(record(RecordKind.CONVERSATION, id, conversation.id(), conversation));
                if (p.outcome().equals("work_potential")) {
                    changes.add(referral(id, conversation.id(), "cnw", on, ReferralStatus.ACCEPTED));
                } else if (p.outcome().equals("care_need")) {
                    changes.add(referral(id, conversation.id(), "wij", on, ReferralStatus.ACCEPTED));
                } else if (p.outcome().equals("not_active_wants_support")) {
                    Agreement agreement = new Agreement(UUID.randomUUID(), id, conversation.id(), "Vrijwilligerswerk opzoeken",
                            AgreementOwner.COACH, null, LocalDate.of(2016, 4, 1), AgreementStatus.OPEN, null, null);
                    changes.add(record(RecordKind.AGREEMENT, id, agreement.id(), agreement));
                }
            }
            case P_DECLINED -> {
                changes.add(status(resident, "declined", null));
                changes.add(attempt(id, invitedOn, ContactChannel.LETTER_1, ContactResult.SENT));
                changes.add(attempt(id, invitedOn.plusDays(7), ContactChannel.PHONE, ContactResult.DECLINED));
            }
            case P_UNREACHABLE -> {
                changes.add(status(resident, "not_reachable", null));
                changes.add(attempt(id, invitedOn, ContactChannel.LETTER_1, ContactResult.SENT));
                changes.add(attempt(id, invitedOn.plusDays(14), ContactChannel.LETTER_2, ContactResult.SENT));
                changes.add(attempt(id, invitedOn.plusDays(21), ContactChannel.PHONE, ContactResult.NO_ANSWER));
            }
            case SPOKEN -> {
                changes.add(status(resident, "spoken", i % 2 == 0 ? LocalDate.of(2027, 6, 1) : LocalDate.of(2019, 1, 1)));
                changes.add(attempt(id, later, ContactChannel.LETTER_1, ContactResult.SENT));
                LocalDate on = later.plusDays(30);
                Conversation conversation = conversation(id, on, Place.HOME, false, p.outcome(),
                        p.after() == After.GOALS ? "Een cursus Nederlands volgen" : null, null, 7, 7, ConversationStatus.FINALISED, null);
                changes.add(record(RecordKind.CONVERSATION, id, conversation.id(), conversation));
                switch (p.after()) {
                    case TRAJECTORY -> changes.add(referral(id, conversation.id(), "meedoen", on, ReferralStatus.ACCEPTED));
                    case CARE -> changes.add(referral(id, conversation.id(), "ggz", on, ReferralStatus.COMPLETED));
                    case WAITING -> changes.add(referral(id, conversation.id(), "werkpro", on, ReferralStatus.REFERRED));
                    default -> { }
                }
                if (i == 754) { // a draft in the period is not a conversation yet
                    Conversation draft = conversation(id, LocalDate.of(2016, 1, 5), Place.HOME, false, "work_potential", null,
                            "fraud_signal", 9, 9, ConversationStatus.DRAFT, null);
                    changes.add(record(RecordKind.CONVERSATION, id, draft.id(), draft));
                }
            }
            case DECLINED -> {
                changes.add(status(resident, "declined", null));
                changes.add(attempt(id, later, ContactChannel.LETTER_1, ContactResult.SENT));
                changes.add(attempt(id, later.plusDays(7), ContactChannel.PHONE, ContactResult.DECLINED));
            }
            case UNREACHABLE -> {
                changes.add(status(resident, "not_reachable", null));
                changes.add(attempt(id, later, ContactChannel.LETTER_1, ContactResult.SENT));
                changes.add(attempt(id, later.plusDays(7), ContactChannel.AT_THE_DOOR, ContactResult.NO_ANSWER));
            }
            case KNOWN_AT_WIJ, TO_SCHEDULE -> { }
        }
        return changes;
    }

    private static Change status(ObjectNode resident, String status, LocalDate nextDue) {
        ObjectNode changed = resident.deepCopy();
        changed.put("outreach_status", status);
        if (nextDue != null) {
            changed.put("next_contact_due", nextDue.toString());
        }
        UUID id = UUID.fromString(resident.get("id").asText());
        return new Change(UUID.randomUUID(), RecordKind.RESIDENT.wireName(), id, id, false, changed, resident);
    }

    private static Change attempt(UUID resident, LocalDate on, ContactChannel channel, ContactResult result) {
        ContactAttempt attempt = new ContactAttempt(UUID.randomUUID(), resident, on, channel, result);
        return record(RecordKind.CONTACT_ATTEMPT, resident, attempt.id(), attempt);
    }

    private static Conversation conversation(UUID resident, LocalDate on, Place place, boolean followUp, String outcome, String goals,
                                             String signal, int rating, int valueRating, ConversationStatus status, UUID corrects) {
        return new Conversation(UUID.randomUUID(), resident, null, on, place, 60, followUp, List.of(), null, null, outcome, List.of(),
                signal == null ? List.of() : List.of(signal), goals, rating, valueRating, 6, Initiative.COACH, status, corrects);
    }

    private static Change referral(UUID resident, UUID conversation, String partner, LocalDate on, ReferralStatus status) {
        Referral referral = new Referral(UUID.randomUUID(), resident, conversation, partner, true, on, status, on.plusDays(30), null);
        return record(RecordKind.REFERRAL, resident, referral.id(), referral);
    }

    private static Change record(RecordKind kind, UUID resident, UUID id, Object body) {
        return new Change(UUID.randomUUID(), kind.wireName(), id, resident, false, JSON.valueToTree(body));
    }

    /** Per coach, in area order: area, residents, contacts overdue, coach agreements overdue, referrals unanswered. */
    private static List<String> expectedDiscipline(List<Planned> plan) {
        Map<String, int[]> perCoach = new HashMap<>();
        for (Planned p : plan) {
            int[] n = perCoach.computeIfAbsent(p.coach(), c -> new int[4]);
            n[0]++;
            if (p.fate() == Fate.P_SPOKEN || p.fate() == Fate.SPOKEN && p.index() % 2 == 1) {
                n[1]++;
            }
            if ("not_active_wants_support".equals(p.outcome())) {
                n[2]++;
            }
            if (p.after() == After.WAITING) {
                n[3]++;
            }
        }
        return perCoach.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> AREA_OF_COACH.get(a).compareTo(AREA_OF_COACH.get(b))))
                .map(e -> AREA_OF_COACH.get(e.getKey()) + " " + e.getValue()[0] + " " + e.getValue()[1] + " " + e.getValue()[2] + " "
                        + e.getValue()[3]).toList();
    }

    /** The CSV's counts by "figuur/code/wijk_of_coach", after its two comment lines and its header. */
    private static Map<String, String> csvCounts(String csv) throws Exception {
        Map<String, String> counts = new HashMap<>();
        try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(';')
                .setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build().parse(new java.io.StringReader(csv))) {
            parser.forEach(row -> counts.put(row.get("figuur") + "/" + row.get("code") + "/" + row.get("wijk_of_coach"), row.get("aantal")));
        }
        return counts;
    }

    private static Map<String, String> environment(StoreSettings settings) {
        Map<String, String> environment = new HashMap<>();
        environment.put("KEUKENTAFEL_JDBC_URL", settings.jdbcUrl());
        if (settings.user() != null) {
            environment.put("KEUKENTAFEL_JDBC_USER", settings.user());
            environment.put("KEUKENTAFEL_JDBC_PASSWORD", settings.password());
        }
        return environment;
    }
}
