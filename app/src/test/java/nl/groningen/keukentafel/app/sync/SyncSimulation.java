package nl.groningen.keukentafel.app.sync;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;

/**
 * One run of the sync simulation (see {@link SyncSimulationTest}) for one seed: three laptops and
 * the office work and sync through faults, then the network heals and everything syncs until
 * quiet, then the invariants are checked. {@link #run()} returns the problems found (empty when
 * the run is sound) and keeps a trace of every step for the report.
 */
final class SyncSimulation implements AutoCloseable {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final int HEALING_ROUNDS = 8;
    /** Erasures per run, at most: enough to meet laptops offline with changes for the resident, few enough to leave a caseload. */
    private static final int MAX_ERASURES = 2;

    private final Chaos chaos;
    private final Dataset dataset;
    private final SimulatedServer server;
    private final SimulatedNetwork network = new SimulatedNetwork();
    private final CoachActions actions;
    private final SimulatedOffice office;
    private final List<SimulatedLaptop> laptops = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();
    private final int pageLimit;
    private final Path folder;
    /**
     * In a third of the runs (on SQLite) the server is backed up at one step and restored from that
     * backup at a later one; 0 when not. The office keeps still in between: what it changes on the
     * server after a backup is lost by a restore by design (docs/operations.md), and the laptops'
     * changes are what this checks.
     */
    private int backupAt;
    private int restoreAt;
    private Path backup;

    /**
     * A run on a server whose database already holds {@code dataset}; the laptops are copies of
     * {@code blankLaptop} (see {@link SimulatedLaptop#makeBlank}) in {@code folder}.
     */
    SyncSimulation(long seed, Dataset dataset, SimulatedServer server, Path blankLaptop, Path folder) throws Exception {
        this.chaos = new Chaos(seed);
        this.dataset = dataset;
        this.server = server;
        this.actions = new CoachActions(chaos, TODAY);
        this.office = new SimulatedOffice(chaos, TODAY);
        this.pageLimit = chaos.between(3, 40);
        this.folder = folder;
        Coach sanne = dataset.coaches().get(0);
        Coach pieter = dataset.coaches().get(1);
        laptops.add(SimulatedLaptop.enrol("sanne-1", sanne, blankLaptop, folder, chaos.uuid()));
        laptops.add(SimulatedLaptop.enrol("sanne-2", sanne, blankLaptop, folder, chaos.uuid()));
        laptops.add(SimulatedLaptop.enrol("pieter", pieter, blankLaptop, folder, chaos.uuid()));
    }

    /**
     * Two coaches with three residents each, cut from the demo data: per resident the last two
     * conversations with their agreements and referrals, the last three contact attempts, the
     * appointments and the plan. Small, so a run is quick and edits often meet on the same record.
     */
    static Dataset tinyDataset() {
        Dataset demo = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);
        Coach sanne = demo.coaches().get(0);
        Coach pieter = new Coach(UUID.nameUUIDFromBytes("simulation/pieter".getBytes(StandardCharsets.UTF_8)), "Pieter Proef",
                sanne.area());
        List<Resident> residents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Resident r = demo.residents().get(i);
            residents.add(i < 3 ? r : new Resident(r.id(), pieter.id(), r.clientNumber(), r.givenName(), r.surnamePrefix(),
                    r.surname(), r.street(), r.houseNumber(), r.postcode(), r.wijk(), r.dateOfBirth(), r.phone(), r.knownAtWij(),
                    r.specialistTeam(), r.contactTermMonths(), r.initiative(), r.outreachStatus(), r.nextContactDue()));
        }
        Set<UUID> ids = new LinkedHashSet<>(residents.stream().map(Resident::id).toList());
        List<Conversation> conversations = new ArrayList<>();
        List<ContactAttempt> attempts = new ArrayList<>();
        for (UUID id : ids) {
            conversations.addAll(demo.conversations().stream().filter(c -> c.residentId().equals(id))
                    .sorted(Comparator.comparing(Conversation::date).reversed()).limit(2).toList());
            attempts.addAll(demo.contactAttempts().stream().filter(a -> a.residentId().equals(id))
                    .sorted(Comparator.comparing(ContactAttempt::date).reversed()).limit(3).toList());
        }
        Set<UUID> kept = new LinkedHashSet<>(conversations.stream().map(Conversation::id).toList());
        return new Dataset(List.of(sanne, pieter), residents, attempts,
                demo.appointments().stream().filter(x -> ids.contains(x.residentId())).toList(),
                conversations,
                demo.agreements().stream().filter(x -> kept.contains(x.conversationId())).toList(),
                demo.referrals().stream().filter(x -> kept.contains(x.conversationId())).toList(),
                demo.developmentPlans().stream().filter(x -> ids.contains(x.residentId())).toList(),
                List.of());
    }

    /** The whole run; returns the broken invariants, one line each (empty when all hold). */
    List<String> run() {
        chaos.faults(false);
        for (SimulatedLaptop laptop : laptops) {
            syncOrFail(laptop, "first sync", SyncEngine.PULL_PAGE);
        }
        office.refresh(server);
        chaos.faults(true);
        int steps = chaos.between(30, 60);
        if (server.canBackUp() && chaos.nextInt(3) == 0) {
            backupAt = chaos.between(1, steps / 2);
            restoreAt = chaos.between(backupAt + 3, steps);
        }
        for (int step = 1; step <= steps; step++) {
            trace.add("-- step " + step);
            step();
        }
        heal();
        return check();
    }

    private int step;

    private void step() {
        step++;
        if (step == backupAt) {
            backup = folder.resolve("server-backup.db");
            trace.add("server backed up, up to sequence number " + server.backUp(backup));
            return;
        }
        if (step == restoreAt) {
            // What the laptops had answered since the backup is gone from the server and comes back
            // only because they send it again.
            server.restore(backup, CLOCK.instant());
            trace.add("server restored from the backup of step " + backupAt);
            return;
        }
        boolean officeStill = step > backupAt && step < restoreAt;
        int roll = chaos.nextInt(100);
        if (roll < 45) {
            SimulatedLaptop laptop = chaos.pick(laptops);
            String done = laptop.act(actions);
            trace.add(laptop.name() + ": the coach " + done);
        } else if (roll < 75) {
            SimulatedLaptop laptop = chaos.pick(laptops);
            trace.add(laptop.name() + ": sync");
            SimulatedLaptop.Attempt attempt = sync(laptop);
            trace.add(laptop.name() + ": " + (attempt.succeeded() ? "synced " + attempt.outcome() : "sync failed: " + attempt.failure()));
        } else if (roll < 87 && officeStill) {
            trace.add("the office keeps still until the restore");
        } else if (roll < 84) {
            trace.add(office.edit(server));
        } else if (roll < 87) {
            List<UUID> residents = dataset.residents().stream().map(Resident::id).filter(id -> !office.erased().contains(id)).toList();
            if (chaos.chance(0.5) && office.erased().size() < MAX_ERASURES) {
                trace.add(office.erase(server, residents, CLOCK.instant()));
            } else {
                trace.add(office.move(server, residents, dataset.coaches(), CLOCK.instant()));
            }
        } else if (roll < 91) {
            server.restart();
            trace.add("server restarted");
        } else if (roll < 97) {
            SimulatedNetwork.InFlight late = network.deliverOne(chaos, server);
            trace.add(late == null ? "nothing in the network" : "a push of " + late.laptop() + " ("
                    + late.request().changes().size() + " changes, cursor " + late.request().cursor() + ") arrived late");
        } else {
            SimulatedLaptop laptop = chaos.pick(laptops);
            laptop.restart();
            trace.add(laptop.name() + ": crashed while idle and started again");
        }
    }

    private SimulatedLaptop.Attempt sync(SimulatedLaptop laptop) {
        return laptop.sync(server, network, chaos, actions, pageLimit, CLOCK, trace::add);
    }

    private SyncEngine.Outcome syncOrFail(SimulatedLaptop laptop, String when) {
        return syncOrFail(laptop, when, pageLimit);
    }

    private SyncEngine.Outcome syncOrFail(SimulatedLaptop laptop, String when, int pages) {
        SimulatedLaptop.Attempt attempt = laptop.sync(server, network, chaos, actions, pages, CLOCK, trace::add);
        if (!attempt.succeeded()) {
            throw new IllegalStateException(laptop.name() + ": " + when + " failed without any fault: " + attempt.failure());
        }
        return attempt.outcome();
    }

    /** No more faults: what is held up arrives, and every laptop syncs until a whole round changes nothing. */
    private void heal() {
        chaos.faults(false);
        trace.add("-- healing: " + network.flush(server) + " held-up pushes arrive");
        for (int round = 1; round <= HEALING_ROUNDS; round++) {
            boolean quiet = true;
            for (SimulatedLaptop laptop : laptops) {
                SyncEngine.Outcome outcome = syncOrFail(laptop, "healing round " + round);
                trace.add(laptop.name() + ": healing sync " + outcome);
                quiet &= outcome.pushed() + outcome.conflicts() + outcome.refused() + outcome.pulled() == 0;
            }
            if (quiet) {
                return;
            }
        }
        throw new IllegalStateException("the laptops did not settle in " + HEALING_ROUNDS + " rounds of syncing");
    }

    // ---- the invariants -------------------------------------------------------------------------

    private List<String> check() {
        List<String> problems = new ArrayList<>();
        Map<UUID, ChangeResult> answers = server.answers();
        Map<UUID, List<Long>> logged = server.loggedChanges();
        for (SimulatedLaptop laptop : laptops) {
            everyChangeAnsweredOnce(laptop, answers, logged, problems);
            cursorsOnlyMoveForward(laptop, problems);
        }
        for (UUID id : office.pushed()) {
            if (!erasedResidentOf(office.residentOf(id), id, "the office", answers, logged, problems)) {
                answeredOnce("the office", id, answers, logged, problems);
            }
        }
        logged.forEach((id, seqs) -> {
            if (seqs.size() > 1) {
                problems.add("change " + id + " is in the change log " + seqs.size() + " times, at " + seqs);
            }
        });
        List<SimulatedServer.StoredRow> tables = server.storedRows();
        nothingLeftOfTheErased(tables, problems);
        for (Coach coach : dataset.coaches()) {
            CaseloadSnapshot onServer = CaseloadSnapshot.fromLog(server, coach.id());
            onServer.differencesIn(CaseloadSnapshot.fromTables(tables, coach.id()), 5).forEach(line ->
                    problems.add("the change log of " + coach.name() + " does not add up to the server's tables: " + line));
            for (SimulatedLaptop laptop : laptops) {
                if (laptop.coach().equals(coach)) {
                    CaseloadSnapshot onLaptop = CaseloadSnapshot.ofLaptop(laptop.store());
                    onLaptop.anomalies().forEach(a -> problems.add(laptop.name() + " holds " + a));
                    onServer.differencesIn(onLaptop, 5).forEach(line ->
                            problems.add(laptop.name() + " differs from the server: " + line));
                }
            }
        }
        return problems;
    }

    /** Invariant 1: every change that entered the outbox was pushed and has exactly one answer; the outbox is empty. */
    private void everyChangeAnsweredOnce(SimulatedLaptop laptop, Map<UUID, ChangeResult> answers, Map<UUID, List<Long>> logged,
                                         List<String> problems) {
        int waiting = laptop.store().outbox().waiting();
        if (waiting > 0) {
            problems.add(laptop.name() + " still has " + waiting + " changes in its outbox");
        }
        for (UUID id : laptop.queued()) {
            if (!laptop.pushed().contains(id) && !office.erased().contains(laptop.residentOf(id))) {
                problems.add(laptop.name() + ": change " + id + " was in the outbox but never pushed");
            }
        }
        Set<UUID> refusedHere = new LinkedHashSet<>();
        laptop.store().outbox().refusals().forEach(r -> refusedHere.add(r.changeId()));
        Set<UUID> all = new LinkedHashSet<>(laptop.queued());
        all.addAll(laptop.pushed());
        for (UUID id : all) {
            if (erasedResidentOf(laptop.residentOf(id), id, laptop.name(), answers, logged, problems)) {
                continue;
            }
            ChangeResult answer = answeredOnce(laptop.name(), id, answers, logged, problems);
            if (answer != null && answer.status() == ChangeStatus.REJECTED && !refusedHere.contains(id)) {
                problems.add(laptop.name() + ": change " + id + " was refused (" + answer.reason()
                        + ") but the laptop does not keep the refusal");
            }
        }
    }

    private ChangeResult answeredOnce(String who, UUID id, Map<UUID, ChangeResult> answers, Map<UUID, List<Long>> logged,
                                      List<String> problems) {
        ChangeResult answer = answers.get(id);
        List<Long> seqs = logged.getOrDefault(id, List.of());
        if (answer == null) {
            problems.add(who + ": change " + id + " has no answer on the server (lost)");
        } else if (answer.status() == ChangeStatus.REJECTED) {
            if (answer.reason() == null || answer.reason().isBlank()) {
                problems.add(who + ": change " + id + " was refused without a reason");
            }
            if (!seqs.isEmpty()) {
                problems.add(who + ": change " + id + " was refused but is in the change log at " + seqs);
            }
        } else if (answer.seq() == null || !seqs.equals(List.of(answer.seq()))) {
            problems.add(who + ": change " + id + " was " + answer.status() + " at " + answer.seq() + " but the change log has it at "
                    + seqs);
        }
        return answer;
    }

    /**
     * Invariant 5, for a change of a resident who was erased: it may have been answered anything
     * before the erasure, or dropped unsent with the resident, but nothing of it is left in the
     * change log, and an {@code erased} answer is never logged. Returns whether the change was such a one.
     */
    private boolean erasedResidentOf(UUID residentId, UUID id, String who, Map<UUID, ChangeResult> answers,
                                     Map<UUID, List<Long>> logged, List<String> problems) {
        if (residentId == null || !office.erased().contains(residentId)) {
            return false;
        }
        if (!logged.getOrDefault(id, List.of()).isEmpty()) {
            problems.add(who + ": change " + id + " of an erased resident is still in the change log at " + logged.get(id));
        }
        return true;
    }

    /** Invariant 6: an erased resident is on no laptop and in none of the server's tables. */
    private void nothingLeftOfTheErased(List<SimulatedServer.StoredRow> tables, List<String> problems) {
        for (UUID erased : office.erased()) {
            if (tables.stream().anyMatch(row -> erased.equals(row.residentId()) || erased.equals(row.id()))) {
                problems.add("the server's tables still hold erased resident " + erased);
            }
            for (SimulatedLaptop laptop : laptops) {
                CaseloadSnapshot held = CaseloadSnapshot.ofLaptop(laptop.store());
                if (held.residents().containsKey(erased) || held.records().values().stream().anyMatch(r -> r.residentId().equals(erased))) {
                    problems.add(laptop.name() + " still holds erased resident " + erased);
                }
            }
        }
    }

    /** Invariant 4: a laptop's cursor never goes back, through failures, crashes and restarts. */
    private static void cursorsOnlyMoveForward(SimulatedLaptop laptop, List<String> problems) {
        List<Long> cursors = laptop.cursors();
        for (int i = 1; i < cursors.size(); i++) {
            if (cursors.get(i) < cursors.get(i - 1)) {
                problems.add(laptop.name() + "'s cursor went back from " + cursors.get(i - 1) + " to " + cursors.get(i)
                        + " (cursors in order: " + cursors + ")");
                return;
            }
        }
    }

    /** The last {@code max} lines of the trace. */
    String traceTail(int max) {
        List<String> tail = trace.size() <= max ? trace : trace.subList(trace.size() - max, trace.size());
        return String.join("\n", tail);
    }

    @Override
    public void close() {
        laptops.forEach(SimulatedLaptop::close);
    }
}
