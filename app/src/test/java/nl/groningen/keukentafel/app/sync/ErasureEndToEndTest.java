package nl.groningen.keukentafel.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.app.Main;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.Conversations;
import nl.groningen.keukentafel.app.profile.Profiles;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.OfficeApi;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.http.ErasureTest;
import nl.groningen.keukentafel.server.http.SyncServer;
import nl.groningen.keukentafel.server.http.TestClient;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Erasure end to end over real HTTP, on SQLite and PostgreSQL: two laptops hold the resident, one of
 * them offline with unsynced changes for them and for others; an admin erases the resident at the
 * office; after both laptops sync, neither laptop's file nor the server holds anything of the
 * resident but the tombstone and the audit entries, and the offline laptop's other changes arrived.
 */
@ExtendWith(TestStores.class)
class ErasureEndToEndTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    private static final Dataset AREA = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.AREA);
    private static final Coach SANNE = AREA.coaches().get(0);
    private static final String PASSWORD = "keukentafel-e2e";

    @TempDir
    Path temp;

    private ServerStore serverStore;
    private SyncServer server;
    private String url;
    private final StringWriter lastErr = new StringWriter();
    private final StringWriter lastOut = new StringWriter();

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
    void anErasedResidentLeavesBothLaptopsAndTheOfflineLaptopsOtherChangesAllArrive(StoreKind kind, TestStores stores)
            throws Exception {
        StoreSettings settings = stores.fresh(kind);
        serverStore = ServerStore.open(settings);
        serverStore.importDataset(AREA);
        server = new SyncServer(serverStore, Clock.systemUTC()).start("127.0.0.1", 0);
        url = "http://127.0.0.1:" + server.port();
        Path online = enrolled();
        Path offline = enrolled();
        assertThat(cli("sync", online)).as(lastErr.toString()).isZero();
        assertThat(cli("sync", offline)).as(lastErr.toString()).isZero();
        List<Resident> caseload = AREA.caseloadOf(SANNE.id());
        Resident erased = caseload.get(0);
        List<Resident> others = caseload.subList(1, 4);

        // Offline at the kitchen table: a conversation for the resident who will be erased, and for three others.
        UUID forErased;
        List<UUID> forOthers = new ArrayList<>();
        int waiting;
        try (LocalStore store = open(offline)) {
            forErased = recordConversation(store, resident(store, erased.id()));
            for (Resident other : others) {
                forOthers.add(recordConversation(store, resident(store, other.id())));
            }
            waiting = store.outbox().waiting();
            assertThat(waiting).isGreaterThan(8);
        }

        // Meanwhile an admin erases the resident at the office, over HTTP.
        TestClient office = new TestClient(server);
        TestClient.OfficeLogin admin = office.enrolOffice(serverStore, Clock.systemUTC(), "beheer", Role.ADMIN);
        HttpResponse<String> answer = office.send("POST", OfficeApi.RESIDENT_ERASURE.replace("{id}", erased.id().toString()), null,
                "{\"reason\": \"request\", \"reference\": \"AVG-2026-0007\"}", admin.token(), admin.session());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        assertThat(cli("sync", online)).as(lastErr.toString()).isZero();
        assertThat(cli("sync", offline)).as(lastErr.toString()).isZero();
        assertThat(lastOut.toString()).as("the coach is told").contains("gewist");

        for (Path laptop : List.of(online, offline)) {
            try (LocalStore store = open(laptop)) {
                assertThat(store.sealedRecords().residents()).extracting(Resident::id).doesNotContain(erased.id())
                        .contains(others.get(0).id());
                assertThat(store.sealedRecords().records()).doesNotContainKey(erased.id());
                assertThat(store.outbox().waiting()).as("nothing held up").isZero();
            }
            assertThat(rowsNaming(laptop, erased)).as("the laptop's tables, every column").isEmpty();
            assertThat(bytesNaming(laptop, erased)).as("the laptop's files, byte for byte").isEmpty();
        }
        assertThat(ErasureTest.leftovers(settings, erased)).as("the server").isEmpty();
        assertThat(serverStore.isErased(erased.id())).isTrue();
        assertThat(serverStore.auditTrail(erased.id()).entries()).isNotEmpty();
        List<UUID> onServer = serverConversations();
        assertThat(onServer).as("the offline laptop's other changes all arrived").containsAll(forOthers).doesNotContain(forErased);
    }

    /** Every row of every table of the laptop's database that names the resident (their id or client number), in any column. */
    private static List<String> rowsNaming(Path laptop, Resident resident) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + new Profiles(laptop).fileOf("sanne"));
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            byte[] value = rows.getBytes(i);
                            String text = value == null ? "" : new String(value, StandardCharsets.UTF_8);
                            if (text.contains(resident.id().toString()) || text.contains(resident.clientNumber())) {
                                found.add(table + "." + rows.getMetaData().getColumnName(i));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The laptop's database files (with the write-ahead log) that hold the resident's id or client number as bytes. */
    private static List<String> bytesNaming(Path laptop, Resident resident) throws Exception {
        List<String> found = new ArrayList<>();
        try (var files = Files.list(new Profiles(laptop).fileOf("sanne").getParent())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (bytes.contains(resident.id().toString()) || bytes.contains(resident.clientNumber())) {
                    found.add(file.getFileName().toString());
                }
            }
        }
        return found;
    }

    private List<UUID> serverConversations() {
        return serverStore.pull(null, 0, 100_000).changes().stream().filter(c -> c.kind().equals("conversation"))
                .map(c -> c.recordId()).toList();
    }

    private static Resident resident(LocalStore store, UUID id) {
        return store.sealedRecords().residents().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** Finalises a conversation with one agreement, as the conversation form does. */
    private static UUID recordConversation(LocalStore store, Resident resident) {
        Conversation draft = Conversations.newDraft(UUID.randomUUID(), resident, resident.coachId(), TODAY, true);
        Agreement agreement = new Agreement(UUID.randomUUID(), resident.id(), draft.id(), "Afspraak", AgreementOwner.RESIDENT, null,
                TODAY.plusDays(14), AgreementStatus.OPEN, null, null);
        Conversation finalised = Conversations.finalise(draft);
        store.recordWriter().finalise(new ConversationDraft(draft, List.of(agreement), List.of()), finalised,
                Conversations.applyTo(resident, finalised));
        return draft.id();
    }

    private Path enrolled() throws Exception {
        if (serverStore.accounts().coachOf("sanne").isEmpty()) {
            serverStore.accounts().createUser("sanne", Role.COACH, SANNE.id(), PASSWORD.toCharArray());
        }
        String code = serverStore.accounts().createEnrolmentCode("sanne", Duration.ofHours(1), Instant.now());
        Path folder = Files.createTempDirectory(temp, "laptop-");
        int exit = run("enroll", "--data-dir", folder.toString(), "--user", "sanne", "--password-stdin", "--server", url, "--code", code);
        assertThat(exit).as(lastErr.toString()).isZero();
        return folder;
    }

    private int cli(String command, Path folder) {
        return run(command, "--data-dir", folder.toString(), "--user", "sanne", "--password-stdin");
    }

    private int run(String... args) {
        InputStream stdin = System.in;
        lastOut.getBuffer().setLength(0);
        lastErr.getBuffer().setLength(0);
        try {
            System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
            CommandLine commandLine = new CommandLine(new Main());
            commandLine.setOut(new PrintWriter(lastOut, true));
            commandLine.setErr(new PrintWriter(lastErr, true));
            return commandLine.execute(args);
        } finally {
            System.setIn(stdin);
        }
    }

    private static LocalStore open(Path folder) {
        return LocalStore.unlock(new Profiles(folder).fileOf("sanne"), PASSWORD.toCharArray());
    }
}
