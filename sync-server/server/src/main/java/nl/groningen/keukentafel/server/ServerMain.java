package nl.groningen.keukentafel.server;

import ch.qos.logback.classic.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.http.SyncServer;
import nl.groningen.keukentafel.server.storage.DataFolderLock;
import nl.groningen.keukentafel.server.storage.ServerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The server's command line; {@code serve} is the long-running server. */
@Command(name = "keukentafel-server", mixinStandardHelpOptions = true,
        resourceBundle = "nl.groningen.keukentafel.server.CommandLineTexts",
        subcommands = {ServerMain.Serve.class, OfficeCommands.AddCoach.class, OfficeCommands.Coaches.class,
                OfficeCommands.CreateUser.class, OfficeCommands.EnrolmentCode.class,
                OfficeCommands.Devices.class, OfficeCommands.Revoke.class, OfficeCommands.Audit.class, OfficeCommands.ImportCaseload.class,
                OfficeCommands.Assign.class, BackupCommands.Backup.class, BackupCommands.Restore.class,
                BackupCommands.MarkRestored.class, ReportCommand.class},
        description = "De synchronisatieserver van Keukentafel en de opdrachten voor het kantoor.")
public final class ServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);
    static final String DEMO_USER = "sanne";
    static final String DEMO_PASSWORD = "keukentafel";
    /** The demo's office user (an admin, so a newcomer sees every office screen), with the same password. */
    static final String DEMO_OFFICE_USER = "kantoor";

    private final Map<String, String> environment;

    public ServerMain() {
        this(System.getenv());
    }

    ServerMain(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /**
     * The command line over the given environment. A wrong setting or wrong use ends a command with exit code 2 and
     * one Dutch sentence, any other failure with 1 and one sentence: see {@link CommandLineErrors}.
     */
    static CommandLine commandLine(Map<String, String> environment) {
        return CommandLineErrors.install(new CommandLine(new ServerMain(environment)));
    }

    Map<String, String> environment() {
        return environment;
    }

    /** Runs the server until it is stopped (Ctrl+C or SIGTERM): then it finishes requests in flight and closes the store. */
    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Start de synchronisatieserver.",
            footer = {"", "Elke optie kan ook in het --config-bestand staan (sleutel tussen haken) of als omgevingsvariabele "
                    + "KEUKENTAFEL_<SLEUTEL> (hoofdletters, punten als liggende streepjes); een optie gaat voor de variabele, "
                    + "die gaat voor het bestand.%n"})
    static final class Serve implements Callable<Integer> {

        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--host", paramLabel = "ADRES", description = "Adres waarop de server luistert (standaard: 127.0.0.1) [host].")
        String host;

        @Option(names = "--port", paramLabel = "PORT", description = "Poort waarop de server luistert (standaard: 8765) [port].")
        String port;

        @Option(names = "--tls-cert", paramLabel = "PEM",
                description = "Certificaatketen, PEM (fullchain.pem van certbot) [tls.cert]. Met --tls-key: alleen HTTPS.")
        String tlsCert;

        @Option(names = "--tls-key", paramLabel = "PEM", description = "Privésleutel, PEM (privkey.pem van certbot) [tls.key]; "
                + "het wachtwoord van een versleutelde sleutel uit tls.key.password.")
        String tlsKey;

        @Option(names = "--tls-keystore", paramLabel = "P12",
                description = "PKCS12-keystore in plaats van PEM-bestanden [tls.keystore]; het wachtwoord uit tls.keystore.password.")
        String tlsKeystore;

        @Option(names = "--allow-plain-http",
                description = "Gewoon HTTP op een ander adres dan loopback, voor een proxy ervoor die TLS afhandelt "
                        + "[allow.plain.http].")
        Boolean allowPlainHttp;

        @Option(names = "--log-level", paramLabel = "NIVEAU", description = "TRACE, DEBUG, INFO, WARN of ERROR (standaard: INFO) [log.level].")
        String logLevel;

        @Option(names = "--shutdown-grace-seconds", paramLabel = "SECONDEN",
                description = "Bij stoppen: hoe lang lopende verzoeken mogen afmaken (standaard: 30) [shutdown.grace.seconds].")
        String shutdownGraceSeconds;

        @Option(names = "--audit-keep-months", paramLabel = "MAANDEN",
                description = "Hoe lang het auditlog (wie zag of wijzigde welke inwoner) bewaard blijft; minstens 12 (standaard: 60) [audit.keep.months].")
        String auditKeepMonths;

        @Option(names = "--retention-left-months", paramLabel = "MAANDEN",
                description = "Hoeveel maanden na het verlaten van de groep (left_group_on uit de caseload-import) een inwoner "
                        + "wordt gewist; minstens 1 (standaard: 24) [retention.left.months].")
        String retentionLeftMonths;

        @Option(names = "--demo", description = "Vul een lege database met de demo-caseload.")
        boolean demo;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Map<ConfigKey, String> options = new EnumMap<>(ConfigKey.class);
            options.put(ConfigKey.HOST, host);
            options.put(ConfigKey.PORT, port);
            options.put(ConfigKey.TLS_CERT, tlsCert);
            options.put(ConfigKey.TLS_KEY, tlsKey);
            options.put(ConfigKey.TLS_KEYSTORE, tlsKeystore);
            options.put(ConfigKey.ALLOW_PLAIN_HTTP, allowPlainHttp == null ? null : allowPlainHttp.toString());
            options.put(ConfigKey.LOG_LEVEL, logLevel);
            options.put(ConfigKey.SHUTDOWN_GRACE_SECONDS, shutdownGraceSeconds);
            options.put(ConfigKey.AUDIT_KEEP_MONTHS, auditKeepMonths);
            options.put(ConfigKey.RETENTION_LEFT_MONTHS, retentionLeftMonths);
            ServerConfig config = ServerConfig.resolve(storeOptions.sources(options));
            setLogLevel(config.logLevel());

            // The embedded store's folder is this process's while it runs: restore refuses to replace the database under it.
            DataFolderLock lock = null;
            if (config.store().sqliteFile() != null) {
                java.nio.file.Path folder = config.store().sqliteFile().getParent();
                lock = DataFolderLock.tryAcquire(folder).orElse(null);
                if (lock == null) {
                    spec.commandLine().getErr().println("Er draait al een keukentafel-server op de gegevensmap " + folder
                            + "; stop die eerst.");
                    return BackupCommands.EXIT_SERVER_RUNNING;
                }
            }
            ServerStore store;
            try {
                store = ServerStore.open(config.store());
                store.keepAuditFor(config.auditKeepMonths());
                if (demo) {
                    loadDemo(store, config.store());
                }
            } catch (RuntimeException | java.io.IOException e) {
                release(lock);
                throw e;
            }
            SyncServer server = new SyncServer(store, Clock.systemUTC(), config.tls(), config.shutdownGrace());
            try {
                server.start(config.host(), config.port());
            } catch (RuntimeException e) {
                store.close();
                release(lock);
                if (config.tls() != null) {
                    throw new ConfigException("Het TLS-certificaat en de sleutel (" + config.tls() + ") zijn niet bruikbaar: "
                            + rootCause(e));
                }
                throw e;
            }
            LOG.info("event=started store={} scheme={} host={} port={}", store.kind().label(), server.scheme(), config.host(),
                    server.port());
            Housekeeping housekeeping = Housekeeping.start(store, config.retentionLeftMonths(), Clock.systemUTC());

            DataFolderLock heldLock = lock;
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                LOG.info("event=stopping grace_s={}", config.shutdownGrace().toSeconds());
                housekeeping.close();
                server.close();
                store.close();
                release(heldLock);
                LOG.info("event=stopped");
                stopped.countDown();
            }, "shutdown"));
            stopped.await();
            return 0;
        }

        /**
         * The demo: an empty store gets the demo caseload and the demo coach's user ({@value #DEMO_USER}
         * / {@value #DEMO_PASSWORD}) and an office user ({@value #DEMO_OFFICE_USER}, same password);
         * every start writes a fresh enrolment code for each to {@code demo-enrolment-code.txt} and
         * {@code demo-office-code.txt} in the data folder, which demo.sh gives the app.
         */
        private void loadDemo(ServerStore store, nl.groningen.keukentafel.server.storage.StoreSettings settings)
                throws java.io.IOException {
            if (store.countResidents() == 0) {
                LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
                Dataset dataset = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, today).generate(DatasetSize.DEMO);
                store.importDataset(dataset);
                store.accounts().createUser(DEMO_USER, Role.COACH, dataset.coaches().get(0).id(), DEMO_PASSWORD.toCharArray());
                LOG.info("event=demo_data_loaded residents={}", store.countResidents());
            }
            if (!store.accounts().exists(DEMO_OFFICE_USER)) {
                store.accounts().createUser(DEMO_OFFICE_USER, Role.ADMIN, null, DEMO_PASSWORD.toCharArray());
            }
            if (settings.sqliteFile() != null && store.accounts().coachOf(DEMO_USER).isPresent()) {
                writeDemoEnrolmentCode(store, settings.sqliteFile().getParent());
                writeDemoCode(store, DEMO_OFFICE_USER, settings.sqliteFile().getParent().resolve("demo-office-code.txt"));
            }
        }

        /** A fresh enrolment code for the demo user in {@code demo-enrolment-code.txt}, readable by the server's user only. */
        static java.nio.file.Path writeDemoEnrolmentCode(ServerStore store, java.nio.file.Path folder) throws java.io.IOException {
            return writeDemoCode(store, DEMO_USER, folder.resolve("demo-enrolment-code.txt"));
        }

        private static java.nio.file.Path writeDemoCode(ServerStore store, String user, java.nio.file.Path file)
                throws java.io.IOException {
            String code = store.accounts().createEnrolmentCode(user, java.time.Duration.ofDays(1), Clock.systemUTC().instant());
            nl.groningen.keukentafel.server.storage.OwnerOnly.file(file); // a code that enrols a laptop: not for other users
            java.nio.file.Files.writeString(file, code + "\n");
            return file;
        }

        private static void release(DataFolderLock lock) {
            if (lock != null) {
                lock.close();
            }
        }

        private static String rootCause(Throwable e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return cause.getMessage() == null ? "de bestanden worden niet herkend (" + cause.getClass().getSimpleName()
                    .replace("Exception", "") + ")" : cause.getMessage(); // the library's words: what is wrong with the file
        }
    }

    /** The operator's log level for everything; the noisy libraries stay at WARN as logback.xml has them. */
    static void setLogLevel(String level) {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.toLevel(level, Level.INFO));
        }
    }
}
