package nl.groningen.keukentafel.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.groningen.keukentafel.server.storage.DataFolderLock;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.SqliteBackup;
import nl.groningen.keukentafel.server.storage.SqliteBackup.BackupException;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Backup and restore of the server's data on the command line. SQLite: {@code backup} while the
 * server runs, {@code restore} while it is stopped. PostgreSQL: pg_dump and pg_restore, then
 * {@code mark-restored}. Exit codes: 0 done, 1 not done (the message says why; nothing changed),
 * 2 wrong setting or use, 3 the server is running on this data folder.
 */
final class BackupCommands {

    static final int EXIT_NOT_DONE = 1;
    static final int EXIT_WRONG_USE = 2;
    static final int EXIT_SERVER_RUNNING = 3;

    private static final String POSTGRES_WAY = "Deze server gebruikt PostgreSQL: maak een back-up met pg_dump -Fc en zet hem "
            + "terug met pg_restore, en geef daarna 'keukentafel-server mark-restored' (zie docs/operations.md).";

    private BackupCommands() {
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Kopieer de ingebouwde SQLite-database naar een bestand terwijl de server draait: een "
                    + "samenhangende momentopname, stoppen is niet nodig. Overschrijft nooit een bestand. (PostgreSQL: "
                    + "gebruik pg_dump -Fc.)"},
            footer = {"", "Afsluitcodes: 0 gelukt, 1 niet gelukt (de melding zegt waarom), 2 verkeerde instelling of invoer.%n"})
    static final class Backup implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;
        @Option(names = "--to", required = true, paramLabel = "BESTAND", description = "Het back-upbestand dat gemaakt wordt; het mag nog niet bestaan.")
        Path to;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            StoreSettings settings = store.settings();
            if (settings.sqliteFile() == null) {
                err.println(POSTGRES_WAY);
                return EXIT_WRONG_USE;
            }
            try {
                SqliteBackup.Backup backup = SqliteBackup.backup(settings.sqliteFile(), to);
                out.println("Back-up gemaakt: " + backup.file() + " (" + size(backup.bytes()) + "), met alle wijzigingen tot en met "
                        + "volgnummer " + backup.lastSequence() + " (schemaversie " + backup.schemaVersion() + ").");
                return 0;
            } catch (BackupException e) {
                err.println(switch (e.problem()) {
                    case NO_DATABASE -> "Er is geen serverdatabase (" + e.detail() + "): klopt --data-dir of data.dir?";
                    case TARGET_EXISTS -> e.detail() + " bestaat al; een back-up overschrijft niets. Kies een nieuwe naam.";
                    default -> "De back-up is niet gelukt (" + e.detail() + "); er is geen back-upbestand gemaakt.";
                });
                return EXIT_NOT_DONE;
            }
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Zet een back-up terug als de ingebouwde SQLite-database. Alleen als de server gestopt is. De "
                    + "back-up wordt eerst gecontroleerd (integriteit, een schema niet nieuwer dan dat van deze server); de "
                    + "database die hij vervangt blijft bewaard als keukentafel-server.db.before-restore-TIJDSTIP. "
                    + "Volgnummers gaan verder voorbij alles wat een laptop gezien kan hebben, zodat laptops niets missen "
                    + "van wat na het terugzetten gemaakt wordt. (PostgreSQL: pg_restore, daarna mark-restored.)"},
            footer = {"", "Afsluitcodes: 0 gelukt, 1 niet gelukt (de melding zegt waarom; er is niets veranderd), "
                    + "2 verkeerde instelling of invoer, 3 de server draait.%n"})
    static final class Restore implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;
        @Option(names = "--from", required = true, paramLabel = "BESTAND", description = "Het back-upbestand (van 'backup --to').")
        Path from;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            StoreSettings settings = store.settings();
            if (settings.sqliteFile() == null) {
                err.println(POSTGRES_WAY);
                return EXIT_WRONG_USE;
            }
            Path folder = settings.sqliteFile().getParent();
            Optional<DataFolderLock> lock = DataFolderLock.tryAcquire(folder);
            if (lock.isEmpty()) {
                err.println("De server draait nog op " + folder + ". Stop hem eerst (systemctl stop keukentafel-server). "
                        + "Er is niets veranderd.");
                return EXIT_SERVER_RUNNING;
            }
            try (DataFolderLock held = lock.get()) {
                SqliteBackup.Restore restore = SqliteBackup.restore(settings.sqliteFile(), from, Clock.systemUTC().instant());
                out.println("Teruggezet uit " + from + ": alle wijzigingen tot en met volgnummer " + restore.backupSequence()
                        + " (schemaversie " + restore.schemaVersion() + ").");
                if (restore.keptAs() != null) {
                    out.println("De vervangen database is bewaard als " + restore.keptAs()
                            + (restore.replacedSequence() == null ? " (niet leesbaar)." : " (tot en met volgnummer "
                            + restore.replacedSequence() + ")."));
                }
                out.println("Nieuwe wijzigingen krijgen volgnummers na " + restore.continuesAt()
                        + ": voorbij alles wat een laptop gezien kan hebben. Start nu de server.");
                return 0;
            } catch (BackupException e) {
                err.println(switch (e.problem()) {
                    case NO_BACKUP_FILE -> "Het back-upbestand " + e.detail() + " bestaat niet.";
                    case NOT_A_DATABASE -> e.detail() + " is geen SQLite-database.";
                    case DAMAGED -> from + " is beschadigd (integrity_check: " + e.detail() + ").";
                    case NOT_A_KEUKENTAFEL_BACKUP -> e.detail() + " is geen back-up van de Keukentafel-server.";
                    case NEWER_SCHEMA -> from + " komt van een nieuwere server (schemaversie " + e.detail()
                            + "); deze versie kan hem niet lezen. Zet hem terug met die versie of een nieuwere.";
                    default -> "Terugzetten is niet gelukt (" + e.detail() + ").";
                } + " Er is niets veranderd.");
                return EXIT_NOT_DONE;
            }
        }
    }

    @Command(name = "mark-restored", mixinStandardHelpOptions = true,
            description = {"Na het terugzetten van de database op een andere manier (pg_restore, een snapshot van het "
                    + "bestandssysteem), voordat de server start: zet de volgnummers voorbij alles wat een laptop gezien "
                    + "kan hebben, zodat laptops niets missen van wat daarna gemaakt wordt. 'restore' doet dit zelf. "
                    + "Twee keer geven kan geen kwaad."},
            footer = {"", "Afsluitcodes: 0 gelukt, 2 verkeerde instelling of invoer, 3 de server draait (SQLite).%n"})
    static final class MarkRestored implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            StoreSettings settings = store.settings();
            DataFolderLock lock = null;
            if (settings.sqliteFile() != null) {
                lock = DataFolderLock.tryAcquire(settings.sqliteFile().getParent()).orElse(null);
                if (lock == null) {
                    spec.commandLine().getErr().println("De server draait nog op " + settings.sqliteFile().getParent()
                            + ". Stop hem eerst. Er is niets veranderd.");
                    return EXIT_SERVER_RUNNING;
                }
            }
            try (ServerStore server = ServerStore.open(settings)) {
                long before = server.lastSequence();
                long after = server.continueAfterRestore(before);
                spec.commandLine().getOut().println("Teruggezette database (" + settings.kind() + "): gegevens tot en met "
                        + "volgnummer " + before + "; nieuwe wijzigingen krijgen volgnummers na " + after
                        + ": voorbij alles wat een laptop gezien kan hebben. Start nu de server.");
                return 0;
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
        }
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.forLanguageTag("nl-NL"), "%.1f kB", bytes / 1024.0);
        }
        return String.format(Locale.forLanguageTag("nl-NL"), "%.1f MB", bytes / (1024.0 * 1024));
    }
}
