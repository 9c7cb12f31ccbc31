package nl.groningen.keukentafel.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.PlanGoal;
import nl.groningen.keukentafel.contract.PlanStep;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.FieldMerge;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.StoreKind;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-field merge, conflicts kept for the coach, and residents moving between coaches with their
 * whole history, on both databases.
 */
@ExtendWith(TestStores.class)
class MergeAndMoveTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Dataset DEMO = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.AREA);
    private static final Coach COACH = DEMO.coaches().get(0);
    private static final Coach OTHER_COACH = DEMO.coaches().get(1);
    private static final UUID OFFICE = null;

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void theOfficeAndTheLaptopChangingDifferentFieldsOfAnAgreementBothKeepTheirChange(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(DEMO);
            Agreement original = agreementOf(COACH);
            ObjectNode base = tree(original);

            ChangeResult office = store.push(OFFICE, List.of(edit(base, "due_date", "2027-01-15"))).get(0);
            ChangeResult laptop = store.push(COACH.id(), List.of(edit(base, "description", "Formulier samen invullen"))).get(0);

            assertThat(office.status()).isEqualTo(ChangeStatus.APPLIED);
            assertThat(laptop.status()).isEqualTo(ChangeStatus.APPLIED);
            JsonNode stored = latest(store, COACH.id(), original.id());
            assertThat(stored.get("due_date").asText()).isEqualTo("2027-01-15");
            assertThat(stored.get("description").asText()).isEqualTo("Formulier samen invullen");
            assertThat(conflicts(store, COACH.id())).isEmpty();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void bothSidesChangingTheSameFieldKeepBothValuesUntilTheCoachChooses(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(DEMO);
            Agreement original = agreementOf(COACH);
            ObjectNode base = tree(original);
            store.push(OFFICE, List.of(edit(base, "due_date", "2027-01-15")));

            ChangeResult laptop = store.push(COACH.id(), List.of(edit(base, "due_date", "2026-12-01"))).get(0);

            assertThat(laptop.status()).isEqualTo(ChangeStatus.CONFLICT);
            assertThat(latest(store, COACH.id(), original.id()).get("due_date").asText())
                    .as("the record keeps the value that arrived first").isEqualTo("2027-01-15");
            List<Conflict> conflicts = conflicts(store, COACH.id());
            assertThat(conflicts).singleElement().satisfies(c -> {
                assertThat(c.recordId()).isEqualTo(original.id());
                assertThat(c.field()).isEqualTo("due_date");
                assertThat(c.serverValue().asText()).isEqualTo("2027-01-15");
                assertThat(c.laptopValue().asText()).isEqualTo("2026-12-01");
            });

            // The coach chooses the laptop's date: the record changes and the conflict goes.
            JsonNode current = latest(store, COACH.id(), original.id());
            ObjectNode chosen = FieldMerge.set((ObjectNode) current, "due_date", conflicts.get(0).laptopValue());
            List<ChangeResult> resolved = store.push(COACH.id(), List.of(
                    new Change(UUID.randomUUID(), RecordKind.AGREEMENT.wireName(), original.id(), original.residentId(), false, chosen, current),
                    new Change(UUID.randomUUID(), RecordKind.CONFLICT.wireName(), conflicts.get(0).id(), original.residentId(), true, null)));

            assertThat(resolved).extracting(ChangeResult::status).containsOnly(ChangeStatus.APPLIED);
            assertThat(latest(store, COACH.id(), original.id()).get("due_date").asText()).isEqualTo("2026-12-01");
            assertThat(conflicts(store, COACH.id())).isEmpty();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void goalsAddedToAPlanOnTwoSidesAreBothKept(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(DEMO);
            DevelopmentPlan plan = DEMO.developmentPlans().stream()
                    .filter(p -> DEMO.caseloadOf(COACH.id()).stream().anyMatch(r -> r.id().equals(p.residentId())))
                    .findFirst().orElseThrow();
            ObjectNode base = tree(plan);

            store.push(OFFICE, List.of(change(plan.id(), plan.residentId(), RecordKind.DEVELOPMENT_PLAN.wireName(), withGoal(plan, "Werk zoeken"), base)));
            ChangeResult laptop = store.push(COACH.id(), List.of(
                    change(plan.id(), plan.residentId(), RecordKind.DEVELOPMENT_PLAN.wireName(), withGoal(plan, "Sporten"), base))).get(0);

            assertThat(laptop.status()).isEqualTo(ChangeStatus.APPLIED);
            JsonNode stored = latest(store, COACH.id(), plan.id());
            List<String> goals = new ArrayList<>();
            stored.get("goals").forEach(g -> goals.add(g.get("goal").asText()));
            assertThat(goals).hasSize(plan.goals().size() + 2).contains("Werk zoeken", "Sporten");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aPlanStartedOnTwoLaptopsOfflineIsOnePlanWithBothGoals(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(DEMO);
            Resident resident = DEMO.caseloadOf(COACH.id()).stream()
                    .filter(r -> DEMO.developmentPlans().stream().noneMatch(p -> p.residentId().equals(r.id())))
                    .findFirst().orElseThrow();
            DevelopmentPlan none = new DevelopmentPlan(DevelopmentPlan.idFor(resident.id()), resident.id(), List.of(), TODAY);

            List<ChangeResult> results = new ArrayList<>();
            for (String goal : List.of("Werk zoeken", "Sporten")) {
                results.addAll(store.push(COACH.id(), List.of(
                        change(none.id(), resident.id(), RecordKind.DEVELOPMENT_PLAN.wireName(), withGoal(none, goal), null))));
            }

            assertThat(results).extracting(ChangeResult::status).containsOnly(ChangeStatus.APPLIED);
            List<UUID> plans = pullAll(store, COACH.id(), 0).stream()
                    .filter(c -> c.kind().equals(RecordKind.DEVELOPMENT_PLAN.wireName()) && c.residentId().equals(resident.id()))
                    .map(PulledChange::recordId).distinct().toList();
            assertThat(plans).as("the resident has one plan").containsExactly(none.id());
            List<String> goals = new ArrayList<>();
            latest(store, COACH.id(), none.id()).get("goals").forEach(g -> goals.add(g.get("goal").asText()));
            assertThat(goals).containsExactlyInAnyOrder("Werk zoeken", "Sporten");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aLaptopStartingAPlanItHadNotYetReceivedAddsItsGoalToTheResidentsOnePlan(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(DEMO);
            DevelopmentPlan existing = DEMO.developmentPlans().stream()
                    .filter(p -> DEMO.caseloadOf(COACH.id()).stream().anyMatch(r -> r.id().equals(p.residentId())))
                    .findFirst().orElseThrow();
            // The resident moved in mid-sync: the laptop has them, not yet their plan, and the coach starts one.
            DevelopmentPlan started = new DevelopmentPlan(DevelopmentPlan.idFor(existing.residentId()), existing.residentId(),
                    List.of(), TODAY);

            store.push(COACH.id(), List.of(change(started.id(), started.residentId(), RecordKind.DEVELOPMENT_PLAN.wireName(),
                    withGoal(started, "Sporten"), null)));

            assertThat(pullAll(store, COACH.id(), 0).stream()
                    .filter(c -> c.kind().equals(RecordKind.DEVELOPMENT_PLAN.wireName()) && c.residentId().equals(existing.residentId()))
                    .map(PulledChange::recordId).distinct()).as("the resident has one plan").containsExactly(existing.id());
            List<String> goals = new ArrayList<>();
            latest(store, COACH.id(), existing.id()).get("goals").forEach(g -> goals.add(g.get("goal").asText()));
            assertThat(goals).hasSize(existing.goals().size() + 1).contains("Sporten");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aMovedResidentGoesToTheNewCoachWithTheWholeHistoryAndTheOldLaptopMayStillPushWhatItHad(StoreKind kind,
                                                                                                 TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(DEMO);
            Resident moving = DEMO.caseloadOf(COACH.id()).get(0);
            long records = DEMO.contactAttempts().stream().filter(a -> a.residentId().equals(moving.id())).count()
                    + DEMO.appointments().stream().filter(a -> a.residentId().equals(moving.id())).count()
                    + DEMO.conversations().stream().filter(a -> a.residentId().equals(moving.id())).count()
                    + DEMO.agreements().stream().filter(a -> a.residentId().equals(moving.id())).count()
                    + DEMO.referrals().stream().filter(a -> a.residentId().equals(moving.id())).count()
                    + DEMO.developmentPlans().stream().filter(a -> a.residentId().equals(moving.id())).count();
            long oldCursor = last(pullAll(store, COACH.id(), 0));
            long newCursor = last(pullAll(store, OTHER_COACH.id(), 0));

            UUID from = store.assign(moving.id(), OTHER_COACH.id(), Instant.parse("2026-11-22T09:00:00Z"));

            assertThat(from).isEqualTo(COACH.id());
            List<PulledChange> toNew = pullAll(store, OTHER_COACH.id(), newCursor);
            assertThat(toNew).allMatch(c -> c.residentId().equals(moving.id()));
            assertThat(toNew).hasSize((int) records + 1);
            assertThat(toNew.stream().filter(c -> c.kind().equals(RecordKind.RESIDENT.wireName())).findFirst().orElseThrow()
                    .body().get("coach_id").asText()).isEqualTo(OTHER_COACH.id().toString());
            List<PulledChange> toOld = pullAll(store, COACH.id(), oldCursor);
            assertThat(toOld).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(RecordKind.RESIDENT_MOVED.wireName());
                assertThat(c.residentId()).isEqualTo(moving.id());
                assertThat(c.body()).isNull();
            });

            // The old laptop had not heard of the move yet: what it still had is taken and goes to the new coach.
            Agreement late = new Agreement(UUID.randomUUID(), moving.id(), null, "Nog van de oude coach", null, null,
                    TODAY.plusDays(7), null, null, null);
            Change pending = change(late.id(), moving.id(), RecordKind.AGREEMENT.wireName(), tree(late), null);
            assertThat(store.push(COACH.id(), oldCursor, List.of(pending)).get(0).status()).isEqualTo(ChangeStatus.APPLIED);
            assertThat(pullAll(store, OTHER_COACH.id(), last(toNew))).extracting(PulledChange::recordId).containsExactly(late.id());
            // Once the old laptop has pulled the move, the resident is out of its scope.
            Change after = change(UUID.randomUUID(), moving.id(), RecordKind.AGREEMENT.wireName(),
                    tree(new Agreement(null, moving.id(), null, "Te laat", null, null, TODAY, null, null, null)), null);
            assertThat(store.push(COACH.id(), last(toOld), List.of(after)).get(0).reason()).isEqualTo("not_in_scope");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aLaptopCannotMoveAResidentByEditingTheCoachInTheBody(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(DEMO);
            Resident own = DEMO.caseloadOf(COACH.id()).get(0);
            ObjectNode base = tree(own);
            ObjectNode body = base.deepCopy();
            body.put("coach_id", OTHER_COACH.id().toString());
            body.put("phone", "06-12345678");

            store.push(COACH.id(), List.of(change(own.id(), own.id(), RecordKind.RESIDENT.wireName(), body, base)));

            assertThat(store.caseloadOf(COACH.id())).extracting(Resident::id).contains(own.id());
            assertThat(store.caseloadOf(COACH.id()).stream().filter(r -> r.id().equals(own.id())).findFirst().orElseThrow().phone())
                    .isEqualTo("06-12345678");
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Agreement agreementOf(Coach coach) {
        List<Resident> caseload = DEMO.caseloadOf(coach.id());
        return DEMO.agreements().stream().filter(a -> caseload.stream().anyMatch(r -> r.id().equals(a.residentId())))
                .findFirst().orElseThrow();
    }

    private static ObjectNode withGoal(DevelopmentPlan plan, String goal) {
        List<PlanGoal> goals = new ArrayList<>(plan.goals());
        goals.add(new PlanGoal(UUID.randomUUID(), "werk", goal, List.of(new PlanStep(UUID.randomUUID(), "Eerste stap", false))));
        return tree(new DevelopmentPlan(plan.id(), plan.residentId(), goals, plan.updatedOn()));
    }

    private static Change edit(ObjectNode base, String field, String value) {
        ObjectNode body = base.deepCopy();
        body.put(field, value);
        return change(UUID.fromString(base.get("id").asText()), UUID.fromString(base.get("resident_id").asText()),
                RecordKind.AGREEMENT.wireName(), body, base);
    }

    private static Change change(UUID recordId, UUID residentId, String kind, ObjectNode body, ObjectNode base) {
        if (body.get("id").isNull()) {
            body.put("id", recordId.toString());
        }
        return new Change(UUID.randomUUID(), kind, recordId, residentId, false, body, base);
    }

    private static ObjectNode tree(Object record) {
        return Json.mapper().valueToTree(record);
    }

    /** The newest version of a record as the coach's laptop would have it after pulling everything. */
    private static JsonNode latest(ServerStore store, UUID coach, UUID recordId) {
        JsonNode body = null;
        for (PulledChange change : pullAll(store, coach, 0)) {
            if (change.recordId().equals(recordId)) {
                body = change.deleted() ? null : change.body();
            }
        }
        return body;
    }

    /** The conflicts open for the coach, as the laptop would have them after pulling everything. */
    private static List<Conflict> conflicts(ServerStore store, UUID coach) {
        java.util.Map<UUID, Conflict> open = new java.util.LinkedHashMap<>();
        for (PulledChange change : pullAll(store, coach, 0)) {
            if (change.kind().equals(RecordKind.CONFLICT.wireName())) {
                if (change.deleted()) {
                    open.remove(change.recordId());
                } else {
                    open.put(change.recordId(), Json.mapper().convertValue(change.body(), Conflict.class));
                }
            }
        }
        return List.copyOf(open.values());
    }

    private static List<PulledChange> pullAll(ServerStore store, UUID coach, long after) {
        List<PulledChange> all = new ArrayList<>();
        long cursor = after;
        PullPage page;
        do {
            page = store.pull(coach, cursor, 1000);
            all.addAll(page.changes());
            cursor = page.nextCursor();
        } while (page.hasMore());
        return all;
    }

    private static long last(List<PulledChange> changes) {
        return changes.stream().mapToLong(PulledChange::seq).max().orElseThrow();
    }
}
