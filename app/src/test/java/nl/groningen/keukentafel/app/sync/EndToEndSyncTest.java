package nl.groningen.keukentafel.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.Conversations;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.profile.Preconfiguration;
import nl.groningen.keukentafel.app.profile.Profiles;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.EnrolResponse;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.DeviceInfo;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.http.SyncServer;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.SqliteBackup;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The app and the real sync server over HTTP, on SQLite and on PostgreSQL, driven through the
 * app's headless command line (enroll, sync, status) and its local store, as a support script or
 * the app itself would.
 */
@ExtendWith(TestStores.class)
class EndToEndSyncTest {

    /**
     * The real day, as the headless sync goes by the real clock: the laptop's retention then never
     * takes the conversations this test records today (a fixed day would, a year after it).
     */
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
    private static final Dataset AREA = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.AREA);
    private static final Coach SANNE = AREA.coaches().get(0);
    private static final Coach PIETER = AREA.coaches().get(1);
    private static final String PASSWORD = "keukentafel-e2e";

    @TempDir
    Path temp;

    private ServerStore serverStore;
    private SyncServer server;
    private String url;
    private final HeadlessCli cli = new HeadlessCli();
    private final StringWriter lastErr = cli.err;
    private final StringWriter lastOut = cli.out;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (serverStore != null) {
            serverStore.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aLaptopOfflineForADaySyncsEverythingAtTheEnd(StoreKind kind, TestStores stores) throws Exception {
        startServer(stores.fresh(kind));
        Path laptop = enrolled("sanne", SANNE);
        assertThat(cli("sync", laptop, "sanne")).as(lastErr.toString()).isZero();
        int residents = AREA.caseloadOf(SANNE.id()).size();
        try (LocalStore store = open(laptop, "sanne")) {
            assertThat(store.sealedRecords().residents()).hasSize(residents);
            assertThat(count(store.sealedRecords().records())).isEqualTo(recordsOnLaptopFor(SANNE));
            assertThat(store.referenceTable().socialMap()).as("the sociale kaart comes along").containsExactlyInAnyOrderElementsOf(AREA.socialMap());
        }

        // The day at kitchen tables, offline: the server is gone.
        int port = server.port();
        server.close();
        List<UUID> conversations = new ArrayList<>();
        UUID doneAgreement;
        try (LocalStore store = open(laptop, "sanne")) {
            for (Resident resident : store.sealedRecords().residents().subList(0, 5)) {
                conversations.add(recordConversation(store, resident, 2));
            }
            Agreement open = openAgreement(store);
            store.recordWriter().saveAgreement(new Agreement(open.id(), open.residentId(), open.conversationId(), open.description(),
                    open.owner(), open.partner(), open.dueDate(), AgreementStatus.DONE, TODAY, open.socialMapEntry()));
            doneAgreement = open.id();
            assertThat(store.outbox().waiting()).isEqualTo(5 * 4 + 1); // conversation, 2 agreements, resident; and the agreement
        }
        assertThat(cli("sync", laptop, "sanne")).isEqualTo(4);
        assertThat(lastErr.toString()).contains("niet bereikbaar");
        try (LocalStore store = open(laptop, "sanne")) {
            assertThat(store.outbox().waiting()).as("a failed sync leaves the outbox intact").isEqualTo(21);
        }

        // Back at the office: everything goes, once.
        server = new SyncServer(serverStore, Clock.systemUTC()).start("127.0.0.1", port);
        assertThat(cli("sync", laptop, "sanne")).as(lastErr.toString()).isZero();
        assertThat(lastOut.toString()).contains("21 verstuurd");
        Path second = enrolled("sanne", SANNE);
        assertThat(cli("sync", second, "sanne")).isZero();
        try (LocalStore first = open(laptop, "sanne"); LocalStore other = open(second, "sanne")) {
            assertThat(first.outbox().waiting()).isZero();
            Map<UUID, ResidentRecords> onSecond = other.sealedRecords().records();
            for (UUID id : conversations) {
                assertThat(onSecond.values().stream().flatMap(r -> r.conversations().stream()).filter(c -> c.id().equals(id)))
                        .hasSize(1);
            }
            assertThat(onSecond.values().stream().flatMap(r -> r.agreements().stream())
                    .filter(a -> a.id().equals(doneAgreement)).findFirst().orElseThrow().status()).isEqualTo(AgreementStatus.DONE);
            assertThat(other.sealedRecords().records()).as("both laptops hold the same caseload").isEqualTo(first.sealedRecords().records());
            assertThat(other.sealedRecords().residents()).containsExactlyInAnyOrderElementsOf(first.sealedRecords().residents());
        }
        assertThat(cli("sync", laptop, "sanne")).isZero();
        assertThat(lastOut.toString()).as("nothing is sent twice").contains("0 verstuurd");
    }

    /**
     * Scale-out over HTTP: two server instances, each with its own store (its own connection pool)
     * on one PostgreSQL database, behind a load balancer that hands each request to the other
     * instance than the last, so enrolment, the push and the pull of one sync, and the pages of one
     * pull, each go to both. Two of Sanne's laptops take the whole caseload, work offline and sync;
     * everything arrives once, both end with the same caseload, and nothing is sent twice.
     */
    @Test
    void twoServerInstancesOnOnePostgresqlBehindALoadBalancerServeTheLaptopsAsOneServer(TestStores stores) throws Exception {
        StoreSettings settings = stores.fresh(StoreKind.POSTGRESQL);
        startServer(settings);
        try (ServerStore storeB = ServerStore.open(settings);
             SyncServer serverB = new SyncServer(storeB, Clock.systemUTC()).start("127.0.0.1", 0);
             RoundRobinProxy balancer = RoundRobinProxy.start(List.of(url, "http://127.0.0.1:" + serverB.port()))) {
            url = balancer.url();
            Path first = enrolled("sanne", SANNE);
            Path second = enrolled("sanne", SANNE);
            assertThat(cli("sync", first, "sanne")).as(lastErr.toString()).isZero();
            assertThat(cli("sync", second, "sanne")).as(lastErr.toString()).isZero();
            List<UUID> conversations = new ArrayList<>();
            try (LocalStore store = open(first, "sanne")) {
                for (Resident resident : store.sealedRecords().residents().subList(0, 3)) {
                    conversations.add(recordConversation(store, resident, 2));
                }
            }
            Agreement agreement;
            try (LocalStore store = open(second, "sanne")) {
                agreement = openAgreement(store);
                store.recordWriter().saveAgreement(withDue(agreement, TODAY.plusDays(9)));
            }

            for (int round = 0; round < 2; round++) {
                assertThat(cli("sync", first, "sanne")).as(lastErr.toString()).isZero();
                assertThat(cli("sync", second, "sanne")).as(lastErr.toString()).isZero();
            }

            try (LocalStore a = open(first, "sanne"); LocalStore b = open(second, "sanne")) {
                assertThat(a.outbox().waiting()).isZero();
                assertThat(b.outbox().waiting()).isZero();
                for (UUID id : conversations) {
                    assertThat(b.sealedRecords().records().values().stream().flatMap(r -> r.conversations().stream())
                            .filter(c -> c.id().equals(id))).as("conversation %s on the other laptop", id).hasSize(1);
                }
                assertThat(dueDateOf(a, agreement.id())).isEqualTo(TODAY.plusDays(9));
                assertThat(count(a.sealedRecords().records())).as("the caseload, and each conversation with its two agreements once")
                        .isEqualTo(recordsOnLaptopFor(SANNE) + conversations.size() * 3L);
                assertThat(b.sealedRecords().records()).as("both laptops hold the same caseload").isEqualTo(a.sealedRecords().records());
            }
            assertThat(cli("sync", first, "sanne")).isZero();
            assertThat(lastOut.toString()).as("nothing is sent twice").contains("0 verstuurd");
            assertThat(balancer.served(0)).as("requests to instance A").isPositive();
            assertThat(balancer.served(1)).as("requests to instance B").isPositive();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void twoLaptopsAndTheOfficeEditingOneAgreementEndWithTheConflictShownToTheCoach(StoreKind kind, TestStores stores)
            throws Exception {
        startServer(stores.fresh(kind));
        Path a = enrolled("sanne", SANNE);
        Path b = enrolled("sanne", SANNE);
        assertThat(cli("sync", a, "sanne")).isZero();
        assertThat(cli("sync", b, "sanne")).isZero();
        Agreement agreement;
        try (LocalStore store = open(a, "sanne")) {
            agreement = openAgreement(store);
            store.recordWriter().saveAgreement(withDue(agreement, TODAY.plusDays(3)));
        }
        try (LocalStore store = open(b, "sanne")) {
            store.recordWriter().saveAgreement(withDue(agreement, TODAY.plusDays(5)));
        }
        officeEdits(agreement, withDue(agreement, TODAY.plusDays(30)));

        assertThat(cli("sync", a, "sanne")).isZero();
        assertThat(lastOut.toString()).contains("1 met conflict");
        assertThat(cli("sync", b, "sanne")).isZero();
        assertThat(cli("sync", a, "sanne")).isZero();
        List<Conflict> conflicts;
        try (LocalStore store = open(a, "sanne")) {
            conflicts = store.conflictRecords().conflicts();
            assertThat(conflicts).hasSize(2).allSatisfy(c -> {
                assertThat(c.recordId()).isEqualTo(agreement.id());
                assertThat(c.field()).isEqualTo("due_date");
                assertThat(c.serverValue().asText()).isEqualTo(TODAY.plusDays(30).toString());
            });
            assertThat(conflicts).extracting(c -> c.laptopValue().asText())
                    .containsExactlyInAnyOrder(TODAY.plusDays(3).toString(), TODAY.plusDays(5).toString());
            assertThat(dueDateOf(store, agreement.id())).as("until the coach chooses, the office's date stands")
                    .isEqualTo(TODAY.plusDays(30));
            // The coach keeps laptop B's date.
            Conflict fromB = conflicts.stream().filter(c -> c.laptopValue().asText().equals(TODAY.plusDays(5).toString()))
                    .findFirst().orElseThrow();
            store.conflictRecords().resolve(fromB, fromB.laptopValue());
            Conflict fromA = conflicts.stream().filter(c -> c != fromB).findFirst().orElseThrow();
            store.conflictRecords().resolve(fromA, Json.mapper().valueToTree(TODAY.plusDays(5)));
        }
        assertThat(cli("sync", a, "sanne")).isZero();
        assertThat(cli("sync", b, "sanne")).isZero();
        try (LocalStore storeA = open(a, "sanne"); LocalStore storeB = open(b, "sanne")) {
            assertThat(storeA.conflictRecords().conflicts()).isEmpty();
            assertThat(storeB.conflictRecords().conflicts()).isEmpty();
            assertThat(dueDateOf(storeA, agreement.id())).isEqualTo(TODAY.plusDays(5));
            assertThat(dueDateOf(storeB, agreement.id())).isEqualTo(TODAY.plusDays(5));
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void theCoachsNewAddressAndTheOfficesImportMergePerFieldAndADifferentPhoneOnBothSidesIsAConflict(StoreKind kind,
                                                                                                   TestStores stores) throws Exception {
        startServer(stores.fresh(kind));
        Path laptop = enrolled("sanne", SANNE);
        assertThat(cli("sync", laptop, "sanne")).isZero();
        Resident before = AREA.caseloadOf(SANNE.id()).get(0);
        try (LocalStore store = open(laptop, "sanne")) {
            store.recordWriter().saveResident(nl.groningen.keukentafel.app.domain.ResidentContact.changed(
                    store.sealedRecords().caseload().resident(before.id()).orElseThrow(), "Nieuwe Ebbingestraat", "12a", "9712 NL",
                    "050 555 0199"));
        }
        // Meanwhile the office imports the municipality's file: the same resident, another phone and wijk.
        nl.groningen.keukentafel.server.domain.CaseloadRow row = new nl.groningen.keukentafel.server.domain.CaseloadRow(2,
                before.clientNumber(), before.givenName(), before.surnamePrefix(), before.surname(), before.street(),
                before.houseNumber(), before.postcode(), "Oosterpoort", before.dateOfBirth(), "06 5555 0123", before.knownAtWij(),
                before.specialistTeam(), null, null);
        assertThat(new nl.groningen.keukentafel.server.storage.CaseloadImport(serverStore).run(List.of(row), List.of(), null, false)
                .updated()).isEqualTo(1);

        assertThat(cli("sync", laptop, "sanne")).isZero();
        assertThat(lastOut.toString()).contains("1 met conflict");
        try (LocalStore store = open(laptop, "sanne")) {
            Resident merged = store.sealedRecords().caseload().resident(before.id()).orElseThrow();
            assertThat(merged.address()).as("only the coach changed the street").isEqualTo("Nieuwe Ebbingestraat 12a");
            assertThat(merged.postcode()).isEqualTo("9712 NL");
            assertThat(merged.wijk()).as("only the office changed the wijk").isEqualTo("Oosterpoort");
            assertThat(merged.phone()).as("until the coach chooses, the office's number stands").isEqualTo("06 5555 0123");
            List<Conflict> conflicts = store.conflictRecords().conflicts();
            assertThat(conflicts).singleElement().satisfies(c -> {
                assertThat(c.recordId()).isEqualTo(before.id());
                assertThat(c.field()).isEqualTo("phone");
                assertThat(c.laptopValue().asText()).isEqualTo("050 555 0199");
                assertThat(c.serverValue().asText()).isEqualTo("06 5555 0123");
            });
            store.conflictRecords().resolve(conflicts.get(0), conflicts.get(0).laptopValue());
        }
        assertThat(cli("sync", laptop, "sanne")).isZero();
        try (LocalStore store = open(laptop, "sanne")) {
            assertThat(store.conflictRecords().conflicts()).isEmpty();
            assertThat(store.sealedRecords().caseload().resident(before.id()).orElseThrow().phone()).isEqualTo("050 555 0199");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aRevokedLaptopIsToldAndWipesItsData(StoreKind kind, TestStores stores) throws Exception {
        startServer(stores.fresh(kind));
        Path laptop = enrolled("sanne", SANNE);
        assertThat(cli("sync", laptop, "sanne")).isZero();
        Path file = new Profiles(laptop).fileOf("sanne");
        assertThat(file).exists();
        DeviceInfo device = serverStore.accounts().devices().get(0);

        serverStore.accounts().revoke(device.id(), Instant.now());

        assertThat(cli("sync", laptop, "sanne")).isEqualTo(3);
        assertThat(lastErr.toString()).contains("ingetrokken").contains("gewist");
        assertThat(file).doesNotExist();
        assertThat(file.resolveSibling("sanne.db-wal")).doesNotExist();
        assertThat(cli("status", laptop, "sanne")).as("the laptop remembers it was wiped").isEqualTo(3);
        assertThat(lastErr.toString()).contains("gewist").contains("ingetrokken");
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void anEnrolledLaptopPointedAtTheMovedServerKeepsItsTokenAndSyncsThere(StoreKind kind, TestStores stores) throws Exception {
        startServer(stores.fresh(kind));
        Path laptop = enrolled("sanne", SANNE);
        assertThat(cli("sync", laptop, "sanne")).isZero();
        String oldUrl = url;

        // The office moves the server: same database, another address.
        server.close();
        server = new SyncServer(serverStore, Clock.systemUTC()).start("127.0.0.1", 0);
        String newUrl = "http://127.0.0.1:" + server.port();
        try (LocalStore store = open(laptop, "sanne")) {
            recordConversation(store, store.sealedRecords().residents().get(0), 1);
        }
        assertThat(cli("sync", laptop, "sanne")).as("still at the old address").isEqualTo(4);

        assertThat(run(PASSWORD, "sync", "--data-dir", laptop.toString(), "--user", "sanne", "--password-stdin",
                "--server", newUrl)).as(lastErr.toString()).isZero();
        assertThat(lastOut.toString()).contains("3 verstuurd");
        assertThat(serverStore.accounts().devices()).as("no new enrolment").hasSize(1);

        assertThat(cli("sync", laptop, "sanne")).as("the new address is kept: " + lastErr).isZero();
        assertThat(cli("status", laptop, "sanne")).isZero();
        assertThat(lastOut.toString()).contains("Syncserver: " + newUrl).doesNotContain(oldUrl);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aResidentMovedToAnotherCoachLeavesTheOldLaptopOnlyAfterItsChangesArrived(StoreKind kind, TestStores stores)
            throws Exception {
        startServer(stores.fresh(kind));
        Path sanne = enrolled("sanne", SANNE);
        Path pieter = enrolled("pieter", PIETER);
        assertThat(cli("sync", sanne, "sanne")).isZero();
        assertThat(cli("sync", pieter, "pieter")).isZero();
        Resident moving;
        UUID conversation;
        try (LocalStore store = open(sanne, "sanne")) {
            moving = store.sealedRecords().residents().get(0);
            conversation = recordConversation(store, moving, 1); // made offline, before the move is known
        }

        serverStore.assign(moving.id(), PIETER.id(), Instant.now());

        assertThat(cli("sync", sanne, "sanne")).as(lastErr.toString()).isZero();
        assertThat(cli("sync", pieter, "pieter")).isZero();
        try (LocalStore old = open(sanne, "sanne"); LocalStore now = open(pieter, "pieter")) {
            assertThat(old.sealedRecords().residents()).extracting(Resident::id).doesNotContain(moving.id());
            assertThat(old.sealedRecords().records()).doesNotContainKey(moving.id());
            assertThat(old.outbox().waiting()).isZero();
            assertThat(now.sealedRecords().residents()).extracting(Resident::id).contains(moving.id());
            ResidentRecords history = now.sealedRecords().records().get(moving.id());
            assertThat(history.conversations()).extracting(Conversation::id).contains(conversation);
            assertThat(history.conversations()).hasSize((int) AREA.conversations().stream()
                    .filter(c -> c.residentId().equals(moving.id())).filter(EndToEndSyncTest::keptOnLaptop).count() + 1);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * The restore drill with a real laptop: it syncs, the server is backed up, the coach works and
     * syncs more (answered, so gone from the outbox), the server is restored from the backup and
     * started again. One sync of that laptop gives the server everything back, and a second laptop
     * of the same coach pulls it all.
     */
    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aServerRestoredFromABackupGetsBackEverythingTheLaptopsSentAfterIt(StoreKind kind, TestStores stores) throws Exception {
        StoreSettings settings = stores.fresh(kind);
        startServer(settings);
        Path laptop = enrolled("sanne", SANNE);
        assertThat(cli("sync", laptop, "sanne")).as(lastErr.toString()).isZero();
        UUID beforeBackup;
        try (LocalStore store = open(laptop, "sanne")) {
            beforeBackup = recordConversation(store, store.sealedRecords().residents().get(0), 1);
        }
        assertThat(cli("sync", laptop, "sanne")).as(lastErr.toString()).isZero();

        Backup backup;
        if (kind == StoreKind.SQLITE) {
            backup = Backup.take(settings, temp); // while the server runs
        } else {
            int port = server.port(); // a database is copied with nobody connected to it
            server.close();
            serverStore.close();
            backup = Backup.take(settings, temp);
            serverStore = ServerStore.open(settings);
            server = new SyncServer(serverStore, Clock.systemUTC()).start("127.0.0.1", port);
        }

        // After the backup: a day's work, synced and answered, so it leaves the outbox.
        List<UUID> afterBackup = new ArrayList<>();
        Agreement done;
        Resident moved;
        try (LocalStore store = open(laptop, "sanne")) {
            for (Resident resident : store.sealedRecords().residents().subList(1, 4)) {
                afterBackup.add(recordConversation(store, resident, 1));
            }
            Agreement open = openAgreement(store);
            done = new Agreement(open.id(), open.residentId(), open.conversationId(), open.description(), open.owner(),
                    open.partner(), open.dueDate(), AgreementStatus.DONE, TODAY, open.socialMapEntry());
            store.recordWriter().saveAgreement(done);
            moved = store.sealedRecords().residents().get(5);
            store.recordWriter().saveResident(withPhone(moved, "06-12345678"));
        }
        assertThat(cli("sync", laptop, "sanne")).as(lastErr.toString()).isZero();
        try (LocalStore store = open(laptop, "sanne")) {
            assertThat(store.outbox().waiting()).as("answered: nothing waits any more").isZero();
        }

        // The server's disk dies; last night's backup goes back and the server starts again.
        int port = server.port();
        server.close();
        serverStore.close();
        serverStore = ServerStore.open(backup.restore(stores));
        server = new SyncServer(serverStore, Clock.systemUTC()).start("127.0.0.1", port);
        assertThat(conversationIdsOnServerFor(SANNE)).contains(beforeBackup).doesNotContainAnyElementsOf(afterBackup);

        assertThat(cli("sync", laptop, "sanne")).as(lastErr.toString()).isZero();

        assertThat(conversationIdsOnServerFor(SANNE)).as("the restored server has every change again")
                .contains(beforeBackup).containsAll(afterBackup);
        assertThat(serverStore.caseloadOf(SANNE.id())).filteredOn(r -> r.id().equals(moved.id())).singleElement()
                .extracting(Resident::phone).isEqualTo("06-12345678");
        Path second = enrolled("sanne", SANNE);
        assertThat(cli("sync", second, "sanne")).as(lastErr.toString()).isZero();
        try (LocalStore first = open(laptop, "sanne"); LocalStore other = open(second, "sanne")) {
            assertThat(first.outbox().waiting()).isZero();
            assertThat(first.conflictRecords().conflicts()).as("a change sent again is no conflict with itself").isEmpty();
            assertThat(other.sealedRecords().records().values().stream().flatMap(r -> r.conversations().stream()).map(Conversation::id))
                    .contains(beforeBackup).containsAll(afterBackup);
            assertThat(other.sealedRecords().records().values().stream().flatMap(r -> r.agreements().stream())
                    .filter(a -> a.id().equals(done.id())).findFirst().orElseThrow().status()).isEqualTo(AgreementStatus.DONE);
            assertThat(other.sealedRecords().records()).as("both laptops hold the same caseload").isEqualTo(first.sealedRecords().records());
            assertThat(other.sealedRecords().residents()).filteredOn(r -> r.id().equals(moved.id())).singleElement()
                    .extracting(Resident::phone).isEqualTo("06-12345678");
        }
        // The next sync sends nothing again: the laptop now knows the restored server's epoch.
        assertThat(cli("sync", laptop, "sanne")).as(lastErr.toString()).isZero();
        assertThat(lastOut.toString()).contains("0 verstuurd");
    }

    private List<UUID> conversationIdsOnServerFor(Coach coach) {
        List<UUID> ids = new ArrayList<>();
        PullPage page;
        long after = 0;
        do {
            page = serverStore.pull(coach.id(), after, 5_000);
            page.changes().stream().filter(c -> c.kind().equals(RecordKind.CONVERSATION.wireName()) && !c.deleted())
                    .forEach(c -> ids.add(c.recordId()));
            after = page.nextCursor();
        } while (page.hasMore());
        return ids;
    }

    private static Resident withPhone(Resident r, String phone) {
        return new Resident(r.id(), r.coachId(), r.clientNumber(), r.givenName(), r.surnamePrefix(), r.surname(), r.street(),
                r.houseNumber(), r.postcode(), r.wijk(), r.dateOfBirth(), phone, r.knownAtWij(), r.specialistTeam(),
                r.contactTermMonths(), r.initiative(), r.outreachStatus(), r.nextContactDue());
    }

    /**
     * A backup of the server's database as the operations guide makes it: SQLite with the server's
     * own {@code backup} (while it runs); PostgreSQL as a copy of the database (what a snapshot or
     * {@code pg_dump} holds), put back as a new database and told with {@code mark-restored}.
     */
    private record Backup(StoreSettings settings, Path file, String copy) {

        static Backup take(StoreSettings settings, Path folder) throws Exception {
            if (settings.sqliteFile() != null) {
                Path file = folder.resolve("backup-" + UUID.randomUUID() + ".db");
                SqliteBackup.backup(settings.sqliteFile(), file);
                return new Backup(settings, file, null);
            }
            String copy = "backup_" + UUID.randomUUID().toString().replace("-", "");
            postgres(settings, "CREATE DATABASE " + copy + " TEMPLATE " + database(settings));
            return new Backup(settings, null, copy);
        }

        StoreSettings restore(TestStores stores) throws Exception {
            if (file != null) {
                SqliteBackup.restore(settings.sqliteFile(), file, Instant.now());
                return settings;
            }
            StoreSettings restored = stores.fresh(StoreKind.POSTGRESQL);
            postgres(settings, "DROP DATABASE " + database(restored));
            postgres(settings, "CREATE DATABASE " + database(restored) + " TEMPLATE " + copy);
            try (ServerStore store = ServerStore.open(restored)) {
                store.continueAfterRestore(store.lastSequence()); // what mark-restored does
            }
            return restored;
        }

        private static String database(StoreSettings settings) {
            String url = settings.jdbcUrl();
            String path = url.substring(url.lastIndexOf('/') + 1);
            return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        }

        /** A statement on the server's maintenance database (a database cannot be copied while anyone is connected to it). */
        private static void postgres(StoreSettings settings, String sql) throws Exception {
            String url = settings.jdbcUrl().replace("/" + database(settings), "/postgres");
            try (var connection = java.sql.DriverManager.getConnection(url, settings.user(), settings.password());
                 var statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    private void startServer(StoreSettings settings) {
        serverStore = ServerStore.open(settings);
        serverStore.importDataset(AREA);
        server = new SyncServer(serverStore, Clock.systemUTC()).start("127.0.0.1", 0);
        url = "http://127.0.0.1:" + server.port();
    }

    /** A fresh laptop (its own data folder) enrolled for a coach; makes the user the first time. */
    private Path enrolled(String user, Coach coach) throws Exception {
        if (serverStore.accounts().coachOf(user).isEmpty()) {
            serverStore.accounts().createUser(user, Role.COACH, coach.id(), PASSWORD.toCharArray());
        }
        String code = serverStore.accounts().createEnrolmentCode(user, Duration.ofHours(1), Instant.now());
        Path folder = Files.createTempDirectory(temp, "laptop-");
        int exit = run(PASSWORD, "enroll", "--data-dir", folder.toString(), "--user", user, "--password-stdin",
                "--server", url, "--code", code);
        assertThat(exit).as(lastErr.toString()).isZero();
        return folder;
    }

    private int cli(String command, Path folder, String user) {
        return run(PASSWORD, command, "--data-dir", folder.toString(), "--user", user, "--password-stdin");
    }

    private int run(String password, String... args) {
        return cli.run(password, args);
    }

    private static LocalStore open(Path folder, String user) {
        return LocalStore.unlock(new Profiles(folder).fileOf(user), PASSWORD.toCharArray());
    }

    /** Finalises a conversation with {@code agreements} new agreements, as the conversation form does. */
    private static UUID recordConversation(LocalStore store, Resident resident, int agreements) {
        Conversation draft = Conversations.newDraft(UUID.randomUUID(), resident, resident.coachId(), TODAY, true);
        List<Agreement> made = new ArrayList<>();
        for (int i = 0; i < agreements; i++) {
            made.add(new Agreement(UUID.randomUUID(), resident.id(), draft.id(), "Afspraak " + (i + 1), AgreementOwner.RESIDENT,
                    null, TODAY.plusDays(14), AgreementStatus.OPEN, null, null));
        }
        Conversation finalised = Conversations.finalise(draft);
        store.recordWriter().finalise(new ConversationDraft(draft, made, List.of()), finalised, Conversations.applyTo(resident, finalised));
        return draft.id();
    }

    private static Agreement openAgreement(LocalStore store) {
        return store.sealedRecords().records().values().stream().flatMap(r -> r.agreements().stream())
                .filter(a -> a.status() == AgreementStatus.OPEN).findFirst().orElseThrow();
    }

    private static Agreement withDue(Agreement a, LocalDate due) {
        return new Agreement(a.id(), a.residentId(), a.conversationId(), a.description(), a.owner(), a.partner(), due,
                a.status(), a.doneDate(), a.socialMapEntry());
    }

    private static LocalDate dueDateOf(LocalStore store, UUID agreementId) {
        return store.sealedRecords().records().values().stream().flatMap(r -> r.agreements().stream())
                .filter(a -> a.id().equals(agreementId)).findFirst().orElseThrow().dueDate();
    }

    /** The office edits through its own enrolled device, over HTTP, like any other. */
    private void officeEdits(Agreement before, Agreement after) throws Exception {
        if (serverStore.accounts().coachOf("kantoor").isEmpty() && serverStore.accounts().devices().stream()
                .noneMatch(d -> d.userName().equals("kantoor"))) {
            serverStore.accounts().createUser("kantoor", Role.OFFICE, null, PASSWORD.toCharArray());
        }
        String code = serverStore.accounts().createEnrolmentCode("kantoor", Duration.ofHours(1), Instant.now());
        SyncClient anonymous = new SyncClient(SyncClient.defaultHttp(), url, null);
        EnrolResponse office = anonymous.enrol("kantoor", PASSWORD.toCharArray(), code, "kantoor-pc");
        ObjectNode base = Json.mapper().valueToTree(before);
        JsonNode body = Json.mapper().valueToTree(after);
        var results = new SyncClient(SyncClient.defaultHttp(), url, office.token()).push(new PushRequest(List.of(
                new Change(UUID.randomUUID(), RecordKind.AGREEMENT.wireName(), before.id(), before.residentId(), false, body, base))));
        assertThat(results.results()).extracting(r -> r.status()).containsExactly(ChangeStatus.APPLIED);
    }

    /**
     * The coach's records as the server holds them, less the finalised conversations past the
     * laptop's retention (12 months before today, by the clock the headless sync goes by).
     */
    private long recordsOnLaptopFor(Coach coach) {
        List<UUID> ids = AREA.caseloadOf(coach.id()).stream().map(Resident::id).toList();
        return AREA.contactAttempts().stream().filter(x -> ids.contains(x.residentId())).count()
                + AREA.appointments().stream().filter(x -> ids.contains(x.residentId())).count()
                + AREA.conversations().stream().filter(x -> ids.contains(x.residentId())).filter(EndToEndSyncTest::keptOnLaptop).count()
                + AREA.agreements().stream().filter(x -> ids.contains(x.residentId())).count()
                + AREA.referrals().stream().filter(x -> ids.contains(x.residentId())).count()
                + AREA.developmentPlans().stream().filter(x -> ids.contains(x.residentId())).count();
    }

    private static boolean keptOnLaptop(Conversation c) {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        return c.status() != nl.groningen.keukentafel.contract.ConversationStatus.FINALISED
                || !c.date().isBefore(today.minusMonths(Preconfiguration.DEFAULT_CONVERSATION_RETENTION_MONTHS));
    }

    private static long count(Map<UUID, ResidentRecords> records) {
        return records.values().stream().mapToLong(r -> r.contactAttempts().size() + r.appointments().size()
                + r.conversations().size() + r.agreements().size() + r.referrals().size() + (r.plan() == null ? 0 : 1)).sum();
    }
}
