package nl.groningen.keukentafel.app.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.Conversations;
import nl.groningen.keukentafel.app.domain.OutreachRules;
import nl.groningen.keukentafel.app.domain.SyncState;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.app.sync.SyncClient;
import nl.groningen.keukentafel.app.sync.SyncEngine;
import nl.groningen.keukentafel.app.sync.SyncException;
import nl.groningen.keukentafel.app.sync.SyncTransport;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.ContactChannel;
import nl.groningen.keukentafel.contract.ContactResult;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.ReferralStatus;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.EnrolResponse;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.ServerMain;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import nl.groningen.keukentafel.server.storage.TestStores;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync over real HTTP on loopback between laptops (the app's {@code SyncEngine}, {@code SyncClient}
 * and encrypted {@code LocalStore}, as the app uses them) and the real sync server, once on SQLite
 * and once on PostgreSQL; each figure's name ends in {@code .sqlite} or {@code .pg}.
 *
 * <p>The server runs in a child JVM ({@code ServerMain serve}, the command a deployment runs) with
 * {@value #SERVER_HEAP}, on the app's test classpath without the app's own classes: client and
 * server share no JIT, no heap and no GC, only the machine's two cores. The stores are filled
 * before the child starts, in this JVM, through {@code ServerStore.importDataset} and the office's
 * {@code accounts()} (one user per coach, one-time codes). PostgreSQL is an embedded server
 * (io.zonky) started here with {@code synchronous_commit=on}, the PostgreSQL default (zonky turns it
 * off unless told otherwise); SQLite is the server's own file with its own settings (WAL,
 * {@code synchronous=NORMAL}). The laptops' files are real files with real key derivation and the
 * app's own settings; all files are on the machine's disk.
 *
 * <ul>
 * <li>{@code sync.initial_pull_area_ms}: "the area caseload" is the whole area dataset (1,500
 * residents, all their records) assigned to one coach. An empty laptop, created and enrolled
 * before the clock starts, runs one {@code syncOnce}: the clock runs from its start to its return,
 * so it covers every page pulled (1,000 changes a page), checked, sealed and committed, and the
 * last-sync mark after the last page. Median of 3 fresh laptops; the first of them meets a server
 * that has served nothing yet (cold JIT on both sides), which shows in the per-run values.</li>
 * <li>{@code sync.eod_push_ms}: a laptop holding one coach's caseload of the area dataset (synced
 * first, untimed) makes a day offline: 10 conversations finalised (through draft and finalise, as
 * the form does) with 4 agreements and 1 referral each, and 20 contact attempts each updating the
 * resident (as the three-key attempt does). Each day uses residents of its own, so every day's
 * outbox holds about 110 changes. Timed: one {@code syncOnce}, which pushes the outbox (one request)
 * and then pulls the results the server logged for the coach (the same changes, merged and
 * numbered) and commits them. Median of 5 days. At the end of a day the server and the app have
 * been running for hours, while the first syncs after a start also pay for compiling (on this
 * machine that made the first day 4 to 6 times slower, and the server's JIT compiler threads used
 * more CPU than its request threads for several days more): so the days run after the bursts below,
 * on the same server, and after 2 untimed days of the same kind (their times are printed too).</li>
 * <li>{@code sync.burst100_ms}: 100 devices, enrolled beforehand (10 for each of the area's 10
 * coaches, each with its own HTTP client), each hold one push of 100 new changes (50 agreements,
 * 50 contact attempts, fresh ids) for residents in its own coach's caseload, built and waiting
 * before the clock starts. One thread per device; all are released at once by a latch; the time
 * runs from the release to the last response. {@code sync.burst100_errors}: over all bursts,
 * requests that failed plus changes in the answers that were not APPLIED (or not answered).
 * Median of 3 bursts, each with new changes, after one untimed burst of the same kind, because a
 * server that has been up a while is warm: the first burst after a start also pays for compiling
 * the push path (its time and errors are printed too, and its errors count).</li>
 * <li>{@code server.rss_mb}: the child server's VmRSS (/proc/PID/status), read right after each
 * burst's last response; median of the 3 readings.</li>
 * </ul>
 * Each figure is printed with its per-run values as a {@code #} line before it, and each laptop's
 * pull and each burst with the CPU time the server, PostgreSQL and this JVM used meanwhile, and how
 * busy the machine was with other work (others build on the same two cores). Set the environment
 * variable {@code KEUKENTAFEL_BENCH_SERVER_JVM_ARGS} (space-separated) to give the server JVM more
 * options, for instance {@code -XX:StartFlightRecording=filename=server.jfr,settings=profile} to see
 * where its time goes.
 */
@Tag("bench")
class SyncBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final String SERVER_HEAP = "-Xmx256m";
    private static final String PASSWORD = "keukentafel-bench";
    private static final int PULL_LAPTOPS = 3;
    private static final int DAYS = 5;
    private static final int WARM_UP_DAYS = 2;
    private static final int CONVERSATIONS_A_DAY = 10;
    private static final int AGREEMENTS_A_CONVERSATION = 4;
    private static final int ATTEMPTS_A_DAY = 20;
    private static final int DEVICES_A_COACH = 10;
    private static final int CHANGES_A_DEVICE = 100;
    private static final int BURSTS = 3;
    private static final String[] WHAT = {
        "CV bijwerken en online zetten", "Aanmelden bij de voedselbank", "Afspraak maken met de huisarts",
        "Twee keer per week naar het buurthuis", "Schuldhulp: map met post meenemen naar het inloopspreekuur",
    };
    private static final String[] PARTNERS = {"cnw", "wij", "meedoen", "werkpro", "gkb", "ggz"};

    @TempDir
    Path temp;

    private final OkHttpClient http = SyncClient.defaultHttp();

    @Test
    void syncOverLoopbackOnSqliteAndPostgresql() throws Exception {
        Dataset area = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.AREA);
        Dataset areaAsOneCaseload = oneCaseload(area, area.coaches().get(0));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start()) {
            for (StoreKind kind : List.of(StoreKind.SQLITE, StoreKind.POSTGRESQL)) {
                String suffix = kind == StoreKind.SQLITE ? ".sqlite" : ".pg";
                System.out.println("# machine load before " + kind.label() + ": " + loadAverage());

                double[] pull = initialPulls(target(kind, "pull", postgres), areaAsOneCaseload);
                double[] days;
                Bursts bursts;
                Target sync = target(kind, "sync", postgres);
                Map<String, Deque<String>> codes = prepare(sync, area, 1 + DEVICES_A_COACH);
                try (ChildServer server = ChildServer.start(sync, temp.resolve("server-sync-" + kind.label() + ".log"));
                     LocalStore laptop = caseloadLaptop(server, area, codes)) {
                    bursts = bursts(server, area, codes);
                    days = endOfDayPushes(server, laptop);
                }

                System.out.println("# sync.initial_pull_area" + suffix + " per laptop " + Arrays.toString(pull) + " ms");
                Figures.print("sync.initial_pull_area_ms" + suffix, Math.round(Figures.median(pull)), "ms");
                System.out.println("# sync.eod_push" + suffix + " per day " + Arrays.toString(days) + " ms");
                Figures.print("sync.eod_push_ms" + suffix, Math.round(Figures.median(days)), "ms");
                System.out.println("# sync.burst100" + suffix + " per burst " + Arrays.toString(bursts.millis)
                        + " ms, errors per burst " + Arrays.toString(bursts.errors) + " (warm-up burst: " + bursts.warmUpErrors
                        + "); server VmRSS after each " + Arrays.toString(bursts.rssMb) + " MB");
                Figures.print("sync.burst100_ms" + suffix, Math.round(Figures.median(bursts.millis)), "ms");
                Figures.print("sync.burst100_errors" + suffix, Arrays.stream(bursts.errors).sum() + bursts.warmUpErrors, "errors");
                Figures.print("server.rss_mb" + suffix, Math.round(Figures.median(bursts.rssMb)), "MB");
            }
        }
    }

    // ---- sync.initial_pull_area -----------------------------------------------------------------

    private double[] initialPulls(Target target, Dataset areaAsOneCaseload) throws Exception {
        Map<String, Deque<String>> codes = prepare(target, areaAsOneCaseload, PULL_LAPTOPS);
        Coach coach = areaAsOneCaseload.coaches().get(0);
        double[] millis = new double[PULL_LAPTOPS];
        double[] inHttp = new double[PULL_LAPTOPS];
        try (ChildServer server = ChildServer.start(target, temp.resolve("server-pull-" + target.kind.label() + ".log"))) {
            for (int i = 0; i < PULL_LAPTOPS; i++) {
                try (LocalStore laptop = laptop(server.url(), userOf(0), codes, "pull-" + target.kind.label() + "-" + i)) {
                    TimedTransport transport = new TimedTransport();
                    SyncEngine engine = engine(laptop, transport);
                    Cpu before = server.cpu();
                    long start = System.nanoTime();
                    SyncEngine.Outcome outcome = engine.syncOnce((done, total) -> { });
                    millis[i] = Math.round((System.nanoTime() - start) / 1e5) / 10.0;
                    inHttp[i] = Math.round(transport.takeMillis());
                    System.out.println("# sync.initial_pull_area." + target.kind.label() + " laptop " + (i + 1) + ": "
                            + Figures.format(millis[i]) + " ms, of which " + Figures.format(inHttp[i])
                            + " ms in HTTP calls (server, transfer, JSON), the rest the laptop's own work; "
                            + server.cpu().since(before));
                    int residents = laptop.sealedRecords().residents().size();
                    if (residents != areaAsOneCaseload.residents().size()) {
                        throw new AssertionError("The laptop holds " + residents + " residents after its first sync");
                    }
                    if (i == 0) {
                        System.out.println("# sync.initial_pull_area." + target.kind.label() + ": " + outcome.pulled()
                                + " changes pulled (" + residents + " residents of coach " + coach.name() + " with all their records, "
                                + (outcome.pulled() + SyncEngine.PULL_PAGE - 1) / SyncEngine.PULL_PAGE + " pages)");
                    }
                }
            }
        }
        return millis;
    }

    // ---- sync.eod_push ------------------------------------------------------------------------

    /** The first coach's laptop, enrolled and holding its caseload (first sync, untimed). */
    private LocalStore caseloadLaptop(ChildServer server, Dataset area, Map<String, Deque<String>> codes) throws Exception {
        LocalStore laptop = laptop(server.url(), userOf(0), codes, "eod-" + server.target.kind().label());
        try {
            engine(laptop, new TimedTransport()).syncOnce((done, total) -> { });
            int caseload = laptop.sealedRecords().residents().size();
            if (caseload != area.caseloadOf(area.coaches().get(0).id()).size()) {
                throw new AssertionError("The end-of-day laptop holds " + caseload + " residents");
            }
            return laptop;
        } catch (Exception | AssertionError e) {
            laptop.close();
            throw e;
        }
    }

    /**
     * The end-of-day syncs of a laptop holding its caseload, on a server that has taken the bursts
     * (as a server at the end of a day has taken the day's syncs): first an untimed sync that brings
     * what the burst devices pushed for this coach, then the untimed warm-up days, then the timed ones.
     */
    private double[] endOfDayPushes(ChildServer server, LocalStore laptop) throws Exception {
        double[] millis = new double[DAYS];
        TimedTransport transport = new TimedTransport();
        SyncEngine engine = engine(laptop, transport);
        engine.syncOnce((done, total) -> { });
        double[] inHttp = new double[DAYS];
        int[] waiting = new int[DAYS];
        int[] pulled = new int[DAYS];
        String label = "# sync.eod_push." + server.target.kind().label();
        for (int warmUp = 0; warmUp < WARM_UP_DAYS; warmUp++) {
            makeADay(laptop, DAYS + warmUp);
            long start = System.nanoTime();
            engine.syncOnce((done, total) -> { });
            System.out.println(label + " warm-up day (untimed): "
                    + Figures.format(Math.round((System.nanoTime() - start) / 1e5) / 10.0) + " ms");
        }
        transport.takeMillis();
        for (int day = 0; day < DAYS; day++) {
            makeADay(laptop, day);
            waiting[day] = laptop.outbox().waiting();
            Cpu before = server.cpu();
            long start = System.nanoTime();
            SyncEngine.Outcome outcome = engine.syncOnce((done, total) -> { });
            millis[day] = Math.round((System.nanoTime() - start) / 1e5) / 10.0;
            System.out.println(label + " day " + (day + 1) + ": " + Figures.format(millis[day]) + " ms; "
                    + server.cpu().since(before));
            inHttp[day] = Math.round(transport.takeMillis());
            pulled[day] = outcome.pulled();
            if (outcome.pushed() + outcome.conflicts() != waiting[day] || outcome.refused() != 0 || laptop.outbox().waiting() != 0) {
                throw new AssertionError("Day " + day + ": " + waiting[day] + " waiting, " + outcome);
            }
        }
        System.out.println(label + ": changes pushed per day " + Arrays.toString(waiting) + ", pulled back per day "
                + Arrays.toString(pulled) + "; of the time, in HTTP calls (server, transfer, JSON) " + Arrays.toString(inHttp)
                + " ms");
        return millis;
    }

    /** One coach's day at kitchen tables, offline: each of the timed days its own 30 residents of the caseload. */
    private static void makeADay(LocalStore laptop, int day) {
        List<Resident> residents = laptop.sealedRecords().residents().stream()
                .sorted((a, b) -> a.clientNumber().compareTo(b.clientNumber())).toList();
        int first = day * (CONVERSATIONS_A_DAY + ATTEMPTS_A_DAY);
        for (int i = 0; i < CONVERSATIONS_A_DAY; i++) {
            Resident resident = residents.get((first + i) % residents.size());
            Conversation draft = Conversations.newDraft(UUID.randomUUID(), resident, resident.coachId(), TODAY, true);
            List<Agreement> agreements = new ArrayList<>();
            for (int a = 0; a < AGREEMENTS_A_CONVERSATION; a++) {
                agreements.add(new Agreement(UUID.randomUUID(), resident.id(), draft.id(), WHAT[(i + a) % WHAT.length],
                        a % 2 == 0 ? AgreementOwner.RESIDENT : AgreementOwner.COACH, null, TODAY.plusWeeks(2 + a),
                        AgreementStatus.OPEN, null, null));
            }
            List<Referral> referrals = List.of(new Referral(UUID.randomUUID(), resident.id(), draft.id(),
                    PARTNERS[i % PARTNERS.length], i % 2 == 0, TODAY, ReferralStatus.REFERRED, TODAY.plusWeeks(3), null));
            ConversationDraft withRecords = new ConversationDraft(draft, agreements, referrals);
            laptop.recordWriter().saveDraft(withRecords);
            Conversation finalised = Conversations.finalise(draft);
            laptop.recordWriter().finalise(withRecords, finalised, Conversations.applyTo(resident, finalised));
        }
        ContactChannel[] channels = ContactChannel.values();
        ContactResult[] results = ContactResult.values();
        for (int i = 0; i < ATTEMPTS_A_DAY; i++) {
            Resident resident = residents.get((first + CONVERSATIONS_A_DAY + i) % residents.size());
            ContactResult result = results[i % results.length];
            ContactAttempt attempt = new ContactAttempt(UUID.randomUUID(), resident.id(), TODAY, channels[i % channels.length], result);
            laptop.recordWriter().saveContactAttempt(attempt, resident.withContact(resident.contactTermMonths(), resident.initiative(),
                    OutreachRules.afterAttempt(resident.outreachStatus(), result), resident.nextContactDue()));
        }
    }

    // ---- sync.burst100 and server.rss_mb -------------------------------------------------------

    private record Device(UUID coachId, SyncClient client) {
    }

    /** The timed bursts' times, errors and server memory, and the errors of the warm-up burst (errors all the same). */
    private record Bursts(double[] millis, double[] errors, double[] rssMb, double warmUpErrors) {
    }

    private record Answer(long endNanos, double latencyMillis, int errors) {
    }

    private Bursts bursts(ChildServer server, Dataset area, Map<String, Deque<String>> codes) throws Exception {
        List<Device> devices = enrolDevices(server.url(), area, codes);
        Map<UUID, UUID> conversationOf = new HashMap<>();
        area.conversations().forEach(c -> conversationOf.putIfAbsent(c.residentId(), c.id()));
        Map<UUID, List<Resident>> caseloads = new HashMap<>();
        area.coaches().forEach(c -> caseloads.put(c.id(), area.caseloadOf(c.id())));

        double[] millis = new double[BURSTS];
        double[] errors = new double[BURSTS];
        double[] rssMb = new double[BURSTS];
        double warmUpErrors = 0;
        ExecutorService threads = Executors.newFixedThreadPool(devices.size());
        try {
            for (int round = 0; round <= BURSTS; round++) {
                int burst = round - 1; // round 0 warms the server up, untimed
                List<PushRequest> requests = new ArrayList<>();
                for (int d = 0; d < devices.size(); d++) {
                    requests.add(new PushRequest(burstChanges(caseloads.get(devices.get(d).coachId()), d, round, conversationOf)));
                }
                CountDownLatch ready = new CountDownLatch(devices.size());
                CountDownLatch go = new CountDownLatch(1);
                long[] release = new long[1];
                List<Future<Answer>> answers = new ArrayList<>();
                for (int d = 0; d < devices.size(); d++) {
                    SyncClient client = devices.get(d).client();
                    PushRequest request = requests.get(d);
                    answers.add(threads.submit(() -> {
                        ready.countDown();
                        go.await();
                        long sent = System.nanoTime();
                        int failed;
                        try {
                            failed = notApplied(request, client.push(request));
                        } catch (SyncException e) {
                            failed = 1;
                        }
                        long end = System.nanoTime();
                        return new Answer(end, (end - sent) / 1e6, failed);
                    }));
                }
                if (!ready.await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("The devices were not ready");
                }
                Cpu before = server.cpu();
                release[0] = System.nanoTime();
                go.countDown();
                long last = release[0];
                List<Answer> done = new ArrayList<>();
                for (Future<Answer> answer : answers) {
                    done.add(answer.get(120, TimeUnit.SECONDS));
                }
                long rssKb = server.rssKb();
                String cpu = server.cpu().since(before);
                double failed = 0;
                for (Answer answer : done) {
                    last = Math.max(last, answer.endNanos());
                    failed += answer.errors();
                }
                double took = Math.round((last - release[0]) / 1e5) / 10.0;
                if (burst < 0) {
                    warmUpErrors = failed;
                } else {
                    errors[burst] = failed;
                    millis[burst] = took;
                    rssMb[burst] = Math.round(rssKb / 102.4) / 10.0;
                }
                double[] latencies = done.stream().mapToDouble(Answer::latencyMillis).toArray();
                System.out.println("# sync.burst100." + server.target.kind().label() + " "
                        + (burst < 0 ? "warm-up burst (untimed)" : "burst " + (burst + 1)) + ": "
                        + Figures.format(took) + " ms, " + Figures.format(failed) + " errors; per request median "
                        + Figures.format(Math.round(Figures.median(latencies)))
                        + " ms, p95 " + Figures.format(Math.round(Figures.percentile(latencies, 95)))
                        + " ms, fastest " + Figures.format(Math.round(Arrays.stream(latencies).min().orElseThrow()))
                        + " ms; " + cpu + "; server VmRSS " + Math.round(rssKb / 1024.0) + " MB");
            }
            return new Bursts(millis, errors, rssMb, warmUpErrors);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Changes in the answer that were not applied, and changes sent that got no answer at all. */
    private static int notApplied(PushRequest request, PushResponse response) {
        Set<UUID> applied = response.results().stream().filter(r -> r.status() == ChangeStatus.APPLIED)
                .map(ChangeResult::changeId).collect(Collectors.toSet());
        return (int) request.changes().stream().filter(c -> !applied.contains(c.changeId())).count();
    }

    /** 100 new records for one device's coach's residents: agreements and contact attempts by turns. */
    private static List<Change> burstChanges(List<Resident> caseload, int device, int burst, Map<UUID, UUID> conversationOf) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < CHANGES_A_DEVICE; i++) {
            Resident resident = caseload.get((device * 13 + burst * 31 + i) % caseload.size());
            if (i % 2 == 0) {
                Agreement agreement = new Agreement(UUID.randomUUID(), resident.id(), conversationOf.get(resident.id()),
                        WHAT[i % WHAT.length], AgreementOwner.RESIDENT, null, TODAY.plusWeeks(2), AgreementStatus.OPEN, null, null);
                changes.add(new Change(UUID.randomUUID(), RecordKind.AGREEMENT.wireName(), agreement.id(), resident.id(), false,
                        Json.mapper().valueToTree(agreement)));
            } else {
                ContactAttempt attempt = new ContactAttempt(UUID.randomUUID(), resident.id(), TODAY, ContactChannel.PHONE,
                        ContactResult.NO_ANSWER);
                changes.add(new Change(UUID.randomUUID(), RecordKind.CONTACT_ATTEMPT.wireName(), attempt.id(), resident.id(), false,
                        Json.mapper().valueToTree(attempt)));
            }
        }
        return changes;
    }

    /** 10 devices for each coach, enrolled over HTTP a few at a time (each costs the server one PBKDF2). */
    private List<Device> enrolDevices(String url, Dataset area, Map<String, Deque<String>> codes) throws Exception {
        ExecutorService enrolling = Executors.newFixedThreadPool(4);
        try {
            List<Future<Device>> futures = new ArrayList<>();
            for (int c = 0; c < area.coaches().size(); c++) {
                UUID coachId = area.coaches().get(c).id();
                String user = userOf(c);
                for (int d = 0; d < DEVICES_A_COACH; d++) {
                    String code = codes.get(user).pop();
                    String name = "bench-device-" + c + "-" + d;
                    futures.add(enrolling.submit(() -> {
                        EnrolResponse enrolled = new SyncClient(http, url, null).enrol(user, PASSWORD.toCharArray(), code, name);
                        return new Device(coachId, new SyncClient(SyncClient.defaultHttp(), url, enrolled.token()));
                    }));
                }
            }
            List<Device> devices = new ArrayList<>();
            for (Future<Device> future : futures) {
                devices.add(future.get(10, TimeUnit.MINUTES));
            }
            return devices;
        } finally {
            enrolling.shutdownNow();
        }
    }

    // ---- laptops, stores and the child server --------------------------------------------------

    /** An empty laptop for a coach user, enrolled with the server as the app's enroll command does it. */
    private LocalStore laptop(String url, String user, Map<String, Deque<String>> codes, String name) throws SyncException {
        LocalStore store = LocalStore.create(temp.resolve("laptops").resolve(name + ".db"), PASSWORD.toCharArray());
        EnrolResponse enrolled = new SyncClient(http, url, null).enrol(user, PASSWORD.toCharArray(), codes.get(user).pop(), name);
        store.syncState().saveEnrolment(new SyncState.Enrolled(url, enrolled.deviceId(), enrolled.token()));
        store.referenceTable().saveCoach(new Coach(enrolled.coachId(), user, ""));
        store.referenceTable().saveReference(ReferenceData.standard(), List.of());
        return store;
    }

    private SyncEngine engine(LocalStore laptop, TimedTransport transport) {
        return new SyncEngine(laptop.outbox(), laptop.pulledPages(), laptop.syncState(), laptop.referenceTable(),
                e -> transport.over(new SyncClient(http, e.serverUrl(), e.token())), Clock.systemUTC());
    }

    /**
     * The laptop's transport with a stopwatch: the time a sync spends in HTTP calls (the server's
     * work, the transfer, and the client's JSON), so the rest is the laptop's own work.
     */
    private static final class TimedTransport implements SyncTransport {
        private SyncTransport delegate;
        private long nanos;

        SyncTransport over(SyncTransport client) {
            this.delegate = client;
            return this;
        }

        double takeMillis() {
            double millis = nanos / 1e6;
            nanos = 0;
            return millis;
        }

        @Override
        public PushResponse push(PushRequest request) throws SyncException {
            long start = System.nanoTime();
            try {
                return delegate.push(request);
            } finally {
                nanos += System.nanoTime() - start;
            }
        }

        @Override
        public PullPage pull(long after, int limit) throws SyncException {
            long start = System.nanoTime();
            try {
                return delegate.pull(after, limit);
            } finally {
                nanos += System.nanoTime() - start;
            }
        }
    }

    private static String userOf(int coach) {
        return "coach-" + coach;
    }

    /** The area dataset with every resident assigned to one coach: one laptop's caseload of the whole area. */
    private static Dataset oneCaseload(Dataset area, Coach coach) {
        List<Resident> residents = area.residents().stream().map(r -> new Resident(r.id(), coach.id(), r.clientNumber(),
                r.givenName(), r.surnamePrefix(), r.surname(), r.street(), r.houseNumber(), r.postcode(), r.wijk(),
                r.dateOfBirth(), r.phone(), r.knownAtWij(), r.specialistTeam(), r.contactTermMonths(), r.initiative(),
                r.outreachStatus(), r.nextContactDue())).toList();
        return new Dataset(area.coaches(), residents, area.contactAttempts(), area.appointments(), area.conversations(),
                area.agreements(), area.referrals(), area.developmentPlans(), area.socialMap());
    }

    /** Where a child server keeps its data: a SQLite folder, or a fresh database in the embedded PostgreSQL. */
    private record Target(StoreKind kind, StoreSettings settings, Path sqliteFolder, long postmasterPid) {
    }

    private Target target(StoreKind kind, String name, EmbeddedPostgres postgres) throws Exception {
        if (kind == StoreKind.SQLITE) {
            Path folder = Files.createDirectories(temp.resolve("server-" + name));
            return new Target(kind, StoreSettings.embedded(folder), folder, -1);
        }
        String database = "keukentafel_bench_" + name;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        return new Target(kind, new StoreSettings(postgres.getJdbcUrl("postgres", database), "postgres", "postgres"), null,
                postmasterPid(postgres));
    }

    /**
     * Imports the dataset, makes one coach user per coach that has residents, and {@code codesEach}
     * one-time enrolment codes for each: the office's work, before the server starts.
     */
    private static Map<String, Deque<String>> prepare(Target target, Dataset dataset, int codesEach) {
        Map<String, Deque<String>> codes = new LinkedHashMap<>();
        try (ServerStore store = ServerStore.open(target.settings())) {
            store.importDataset(dataset);
            for (int c = 0; c < dataset.coaches().size(); c++) {
                Coach coach = dataset.coaches().get(c);
                if (dataset.caseloadOf(coach.id()).isEmpty()) {
                    continue;
                }
                store.accounts().createUser(userOf(c), Role.COACH, coach.id(), PASSWORD.toCharArray());
                Deque<String> userCodes = new ArrayDeque<>();
                for (int i = 0; i < codesEach; i++) {
                    userCodes.add(store.accounts().createEnrolmentCode(userOf(c), Duration.ofDays(1), Instant.now()));
                }
                codes.put(userOf(c), userCodes);
            }
        }
        return codes;
    }

    /**
     * CPU time used so far, in milliseconds: by this JVM (the laptops or devices), by the server's JVM,
     * by PostgreSQL's processes (none on SQLite), and by the whole machine (busy, and busy plus idle).
     */
    private record Cpu(double clientMs, double serverMs, double postgresMs, double machineBusyMs, double machineMs) {

        private static final double TICK_MS = 10; // USER_HZ is 100 on Linux

        static Cpu now(long serverPid, long postmasterPid) throws IOException {
            double client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e6;
            double postgres = 0;
            if (postmasterPid > 0) {
                postgres = processTicks(postmasterPid);
                try (var processes = Files.list(Path.of("/proc"))) {
                    for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                        String[] stat = stat(process.resolve("stat"));
                        if (stat != null && Long.parseLong(stat[1]) == postmasterPid) {
                            postgres += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                        }
                    }
                }
            }
            String[] machine = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            long all = 0;
            for (int i = 1; i < machine.length && i <= 8; i++) {
                long ticks = Long.parseLong(machine[i]);
                all += ticks;
                busy += i == 4 || i == 5 ? 0 : ticks; // idle and iowait
            }
            return new Cpu(client, processTicks(serverPid) * TICK_MS, postgres * TICK_MS, busy * TICK_MS, all * TICK_MS);
        }

        /** What was used between {@code before} and now, as a line's worth of words. */
        String since(Cpu before) {
            double machine = machineMs - before.machineMs;
            double busy = machineBusyMs - before.machineBusyMs;
            double ours = clientMs - before.clientMs + serverMs - before.serverMs + postgresMs - before.postgresMs;
            return "cpu: server " + Math.round(serverMs - before.serverMs) + " ms"
                    + (postgresMs > 0 ? ", PostgreSQL " + Math.round(postgresMs - before.postgresMs) + " ms" : "")
                    + ", laptops/devices (this JVM) " + Math.round(clientMs - before.clientMs) + " ms"
                    + "; the machine was " + Math.round(100 * busy / Math.max(1, machine)) + "% busy, "
                    + Math.round(100 * Math.max(0, busy - ours) / Math.max(1, machine)) + "% with other work";
        }

        private static long processTicks(long pid) throws IOException {
            String[] stat = stat(Path.of("/proc", Long.toString(pid), "stat"));
            return stat == null ? 0 : Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        }

        /** The fields of /proc/PID/stat after the command name (state first), or null when the process is gone. */
        private static String[] stat(Path file) {
            try {
                String line = Files.readString(file);
                return line.substring(line.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /** The PostgreSQL server's process id: the parent of a backend. */
    private static long postmasterPid(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            String[] stat = Cpu.stat(Path.of("/proc", Integer.toString(row.getInt(1)), "stat"));
            return Long.parseLong(stat[1]);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The sync server in a JVM of its own, as {@code ServerMain serve} runs in a deployment. */
    private static final class ChildServer implements AutoCloseable {

        private final Process process;
        private final String url;
        private final Path log;
        private final Target target;

        private ChildServer(Process process, String url, Path log, Target target) {
            this.process = process;
            this.url = url;
            this.log = log;
            this.target = target;
        }

        static ChildServer start(Target target, Path log) throws IOException, InterruptedException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add(SERVER_HEAP);
            command.addAll(extraServerJvmArgs());
            command.addAll(List.of("-cp", serverClasspath(), ServerMain.class.getName(), "serve",
                    "--host", "127.0.0.1", "--port", Integer.toString(port)));
            ProcessBuilder builder = new ProcessBuilder().redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("KEUKENTAFEL_JDBC_URL");
            if (target.kind() == StoreKind.SQLITE) {
                command.addAll(List.of("--data-dir", target.sqliteFolder().toString()));
            } else {
                command.addAll(List.of("--jdbc-url", target.settings().jdbcUrl()));
                builder.environment().put("KEUKENTAFEL_JDBC_USER", target.settings().user());
                builder.environment().put("KEUKENTAFEL_JDBC_PASSWORD", target.settings().password());
            }
            Process process = builder.command(command).start();
            ChildServer server = new ChildServer(process, "http://127.0.0.1:" + port, log, target);
            server.awaitHealthy();
            return server;
        }

        String url() {
            return url;
        }

        /** {@code KEUKENTAFEL_BENCH_SERVER_JVM_ARGS} (space-separated), e.g. to record the server with JFR. */
        private static List<String> extraServerJvmArgs() {
            String env = System.getenv("KEUKENTAFEL_BENCH_SERVER_JVM_ARGS");
            return env == null ? List.of() : Arrays.stream(env.trim().split("\\s+")).filter(a -> !a.isEmpty()).toList();
        }

        /** CPU used so far by this server, its database and this JVM. */
        Cpu cpu() throws IOException {
            return Cpu.now(process.pid(), target.postmasterPid());
        }

        long rssKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
                }
            }
            throw new IllegalStateException("The server's /proc status has no VmRSS");
        }

        private void awaitHealthy() throws IOException, InterruptedException {
            OkHttpClient probe = new OkHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("The server stopped at its start:\n" + Files.readString(log));
                }
                try (Response response = probe.newCall(new Request.Builder().url(url + "/health").build()).execute()) {
                    if (response.isSuccessful()) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(100);
            }
            close();
            throw new AssertionError("The server did not answer /health in time:\n" + Files.readString(log));
        }

        /** This JVM's classpath without the app's classes and the server's tests: what the server needs. */
        private static String serverClasspath() {
            Set<Path> left = Set.of(location(SyncBenchmark.class), location(LocalStore.class), location(TestStores.class));
            return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                    .filter(entry -> !left.contains(Path.of(entry).toAbsolutePath().normalize()))
                    .collect(Collectors.joining(java.io.File.pathSeparator));
        }

        private static Path location(Class<?> type) {
            try {
                return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            process.destroy(); // SIGTERM: the server's shutdown hook closes the store
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
