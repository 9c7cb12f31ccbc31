package nl.groningen.keukentafel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.EnrolRequest;
import nl.groningen.keukentafel.contract.sync.Protocol;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The server's log, as the shipped logback.xml writes it, during a sync that carries a resident's
 * name, address and phone number in every way a request can (bodies, a refused body, broken JSON,
 * an unknown path, a query): one key=value line per event, and none of that data in it.
 */
@ExtendWith(TestStores.class)
class LogPrivacyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private static final Dataset DEMO = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);

    private static final String GIVEN = "Wobbegien";
    private static final String SURNAME = "Testersma";
    private static final String STREET = "Geheimeweg";
    private static final String POSTCODE = "9999 ZQ";
    private static final String PHONE = "06 1357 9246";

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aSyncCarryingAResidentsNameAndAddressLeavesNoneOfItInTheLog(StoreKind kind, TestStores stores) throws Exception {
        String log;
        try (ServerStore store = ServerStore.open(stores.fresh(kind));
             SyncServer server = new SyncServer(store, CLOCK).start("127.0.0.1", 0)) {
            store.importDataset(DEMO);
            TestClient client = new TestClient(server);
            UUID coach = DEMO.coaches().get(0).id();
            String token = client.enrol(store, CLOCK, "sanne", coach);
            Resident before = DEMO.caseloadOf(coach).get(0);
            Resident moved = new Resident(before.id(), before.coachId(), before.clientNumber(), GIVEN, null, SURNAME, STREET, "77",
                    POSTCODE, before.wijk(), before.dateOfBirth(), PHONE, false, false, 6, before.initiative(),
                    before.outreachStatus(), null);
            Change resident = new Change(UUID.randomUUID(), "resident", moved.id(), moved.id(), false, Json.mapper().valueToTree(moved),
                    Json.mapper().valueToTree(before)); // the laptop's base: what it had before the coach's edit
            Agreement agreement = new Agreement(UUID.randomUUID(), moved.id(), UUID.randomUUID(),
                    GIVEN + " " + SURNAME + " belt zelf, " + STREET + " 77", AgreementOwner.RESIDENT, null, TODAY.plusWeeks(1),
                    AgreementStatus.OPEN, null, null);
            Change withText = new Change(UUID.randomUUID(), "agreement", agreement.id(), moved.id(), false,
                    Json.mapper().valueToTree(agreement));
            Change refused = new Change(UUID.randomUUID(), "agreement", UUID.randomUUID(), moved.id(), false,
                    Json.mapper().createObjectNode().put("id", GIVEN).put("description", STREET + " " + PHONE));

            log = captureLog(() -> {
                client.send("POST", Protocol.PUSH, token, Json.mapper().writeValueAsString(
                        new PushRequest(List.of(resident, withText, refused))));
                client.send("POST", Protocol.PUSH, token, "{\"changes\": [{\"change_id\": \"" + SURNAME + "\", \"kind\": \"" + STREET + "\"");
                client.send("POST", Protocol.PUSH, token, "{\"changes\": [{\"change_id\": \"" + UUID.randomUUID()
                        + "\", \"kind\": \"resident\", \"deleted\": \"" + POSTCODE + "\"}]}");
                client.send("GET", Protocol.PULL + "?after=0&limit=1000", token, null);
                client.send("GET", Protocol.PULL + "?after=" + SURNAME, token, null);
                client.send("GET", "/residents/" + SURNAME + "?straat=" + STREET.replace(" ", "+"), token, null);
                client.send("POST", Protocol.ENROL, null, Json.mapper().writeValueAsString(
                        new EnrolRequest(GIVEN, "verkeerd", PHONE, STREET)));
                waitForRequestLines(7);
            });
        }

        assertThat(log).contains("event=request method=POST endpoint=/api/v1/sync/push status=200",
                "event=request method=GET endpoint=/api/v1/sync/pull status=200", "event=request method=GET endpoint=unmatched status=404",
                "applied=2", "rejected=1", "after=0 limit=1000");
        assertThat(log.lines()).allSatisfy(line -> assertThat(line).matches("ts=\\S+ level=[A-Z]+ logger=\\S+ .*"));
        assertThat(log.lines().filter(line -> line.contains("event=request")))
                .allSatisfy(line -> assertThat(line).matches("ts=\\S+ level=INFO logger=RequestLog event=request( [a-z_]+=[^ =]+)+"));
        assertThat(log).doesNotContain(GIVEN, SURNAME, STREET, POSTCODE, PHONE, "9999", "1357", "Geheim", "sanne");
    }

    private static final Object LINES = new Object();
    private static int requestLines;

    private interface Work {
        void run() throws Exception;
    }

    /** Runs the work with logback configured from the shipped logback.xml, and returns what it wrote. */
    private static String captureLog(Work work) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        requestLines = 0;
        try {
            System.setOut(new PrintStream(new CountingStream(captured), true, StandardCharsets.UTF_8));
            context.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogPrivacyTest.class.getResource("/logback.xml"));
            work.run();
        } finally {
            context.reset();
            new ContextInitializer(context).autoConfig();
            System.setOut(console);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** A request is logged once its answer is written: wait until the last ones are in. */
    private static void waitForRequestLines(int count) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        synchronized (LINES) {
            while (requestLines < count && System.currentTimeMillis() < until) {
                LINES.wait(100);
            }
        }
    }

    private static final class CountingStream extends OutputStream {
        private final ByteArrayOutputStream out;
        private final StringBuilder line = new StringBuilder();

        CountingStream(ByteArrayOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            synchronized (LINES) {
                out.write(b);
                if (b == '\n') {
                    if (line.indexOf("event=request") >= 0) {
                        requestLines++;
                        LINES.notifyAll();
                    }
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
        }
    }
}
