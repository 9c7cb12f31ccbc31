package nl.groningen.keukentafel.server;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.http.SyncServer;
import nl.groningen.keukentafel.server.storage.ServerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The server's command line; {@code serve} is the long-running server. */
@Command(name = "keukentafel-server", mixinStandardHelpOptions = true,
        subcommands = {ServerMain.Serve.class, OfficeCommands.CreateUser.class, OfficeCommands.EnrolmentCode.class,
                OfficeCommands.Devices.class, OfficeCommands.Revoke.class, OfficeCommands.Assign.class},
        description = "Keukentafel sync server and the office's command line.")
public final class ServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);
    static final String DEMO_USER = "sanne";
    static final String DEMO_PASSWORD = "keukentafel";

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServerMain()).execute(args));
    }

    /** Runs the server until it is stopped (Ctrl+C or SIGTERM). */
    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the sync server.")
    static final class Serve implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        StoreOptions storeOptions;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--port", defaultValue = "8765", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--demo", description = "Fill an empty store with the demo caseload.")
        boolean demo;

        @Override
        public Integer call() throws Exception {
            ServerStore store = ServerStore.open(storeOptions.settings());
            if (demo) {
                loadDemo(store);
            }
            SyncServer server = new SyncServer(store, Clock.systemUTC()).start(host, port);
            LOG.info("event=started store={} host={} port={}", store.kind().label(), host, server.port());

            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                store.close();
                LOG.info("event=stopped");
                stopped.countDown();
            }, "shutdown"));
            stopped.await();
            return 0;
        }

        /**
         * The demo: an empty store gets the demo caseload and the demo coach's user ({@value #DEMO_USER}
         * / {@value #DEMO_PASSWORD}); every start writes a fresh enrolment code for that user to
         * {@code demo-enrolment-code.txt} in the data folder, which demo.sh gives the app.
         */
        private void loadDemo(ServerStore store) throws java.io.IOException {
            if (store.countResidents() == 0) {
                LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
                Dataset dataset = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, today).generate(DatasetSize.DEMO);
                store.importDataset(dataset);
                store.accounts().createUser(DEMO_USER, Role.COACH, dataset.coaches().get(0).id(), DEMO_PASSWORD.toCharArray());
                LOG.info("event=demo_data_loaded residents={}", store.countResidents());
            }
            if (storeOptions.dataDir != null && store.accounts().coachOf(DEMO_USER).isPresent()) {
                String code = store.accounts().createEnrolmentCode(DEMO_USER, java.time.Duration.ofDays(1), Clock.systemUTC().instant());
                java.nio.file.Files.writeString(storeOptions.dataDir.resolve("demo-enrolment-code.txt"), code + "\n");
            }
        }
    }
}
