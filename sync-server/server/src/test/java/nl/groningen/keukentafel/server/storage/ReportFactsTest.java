package nl.groningen.keukentafel.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.ReportFigures;
import nl.groningen.keukentafel.contract.office.ReportScope;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.StoreKind;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The report's projection: kept in step with what a push writes, and filled for a store written before it existed. */
@ExtendWith(TestStores.class)
class ReportFactsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Dataset DEMO = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aStoreFromBeforeTheProjectionCountsTheSameFiguresOnceItOpens(StoreKind kind, TestStores stores) throws Exception {
        StoreSettings older = stores.fresh(kind);
        Flyway.configure().dataSource(older.jdbcUrl(), older.user(), older.password()).locations("classpath:db/migration")
                .target("7").load().migrate();
        storeAsVersion7Did(older, DEMO);
        ReportFigures filled;
        try (ServerStore store = ServerStore.open(older)) {
            filled = figures(store);
        }
        ReportFigures written;
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(DEMO);
            written = figures(store);
        }

        assertThat(filled.approaches().conversations()).isPositive();
        assertThat(filled).isEqualTo(written);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aPushedAgreementCountsAsOverdueUntilItIsDoneOrDeleted(StoreKind kind, TestStores stores) {
        Coach coach = DEMO.coaches().get(0);
        Resident resident = DEMO.caseloadOf(coach.id()).get(0);
        Agreement open = new Agreement(UUID.randomUUID(), resident.id(), null, "Formulier inleveren", AgreementOwner.COACH, null,
                TODAY.minusDays(3), AgreementStatus.OPEN, null, null);
        JsonNode openBody = Json.mapper().valueToTree(open);
        JsonNode doneBody = Json.mapper().valueToTree(new Agreement(open.id(), resident.id(), null, open.description(),
                AgreementOwner.COACH, null, open.dueDate(), AgreementStatus.DONE, TODAY, null));
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(DEMO);
            int before = agreementsOverdue(store, coach);

            store.push(coach.id(), List.of(new Change(UUID.randomUUID(), "agreement", open.id(), resident.id(), false, openBody)));
            int pushed = agreementsOverdue(store, coach);
            store.push(coach.id(), List.of(new Change(UUID.randomUUID(), "agreement", open.id(), resident.id(), false, doneBody,
                    openBody)));
            int done = agreementsOverdue(store, coach);
            store.push(coach.id(), List.of(new Change(UUID.randomUUID(), "agreement", open.id(), resident.id(), false, openBody,
                    doneBody)));
            store.push(coach.id(), List.of(new Change(UUID.randomUUID(), "agreement", open.id(), resident.id(), true, null)));
            int deleted = agreementsOverdue(store, coach);

            assertThat(List.of(pushed, done, deleted)).containsExactly(before + 1, before, before);
        }
    }

    private static int agreementsOverdue(ServerStore store, Coach coach) {
        return figures(store).discipline().stream().filter(d -> d.coachId().equals(coach.id())).findFirst().orElseThrow()
                .agreementsOverdue();
    }

    private static ReportFigures figures(ServerStore store) {
        return new Reports(store).figures(LocalDate.of(2015, 1, 1), TODAY, ReportScope.city(), TODAY);
    }

    /** Coaches, residents and records as bodies only, the way the server stored them before migration 8. */
    private static void storeAsVersion7Did(StoreSettings settings, Dataset dataset) throws Exception {
        ObjectMapper json = Json.mapper();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO coach (id, name, area) VALUES (?, ?, ?)")) {
                for (Coach coach : dataset.coaches()) {
                    insert.setString(1, coach.id().toString());
                    insert.setString(2, coach.name());
                    insert.setString(3, coach.area());
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO resident (id, coach_id, client_number, body) VALUES (?, ?, ?, ?)")) {
                for (Resident resident : dataset.residents()) {
                    insert.setString(1, resident.id().toString());
                    insert.setString(2, resident.coachId() == null ? null : resident.coachId().toString());
                    insert.setString(3, resident.clientNumber());
                    insert.setString(4, json.writeValueAsString(resident));
                    insert.executeUpdate();
                }
            }
            records(connection, json, RecordKind.CONTACT_ATTEMPT, dataset.contactAttempts(), a -> a.id(), a -> a.residentId());
            records(connection, json, RecordKind.CONVERSATION, dataset.conversations(), c -> c.id(), c -> c.residentId());
            records(connection, json, RecordKind.AGREEMENT, dataset.agreements(), a -> a.id(), a -> a.residentId());
            records(connection, json, RecordKind.REFERRAL, dataset.referrals(), r -> r.id(), r -> r.residentId());
            records(connection, json, RecordKind.DEVELOPMENT_PLAN, dataset.developmentPlans(), p -> p.id(), p -> p.residentId());
        }
    }

    private static <T> void records(Connection connection, ObjectMapper json, RecordKind kind, List<T> records,
                                    Function<T, UUID> id, Function<T, UUID> residentId) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO resident_record (id, kind, resident_id, body) VALUES (?, ?, ?, ?)")) {
            for (T record : records) {
                insert.setString(1, id.apply(record).toString());
                insert.setString(2, kind.wireName());
                insert.setString(3, residentId.apply(record).toString());
                insert.setString(4, json.writeValueAsString(record));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
