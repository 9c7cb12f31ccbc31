package nl.groningen.keukentafel.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.application.Application;
import nl.groningen.keukentafel.app.cli.HeadlessCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the app. A plain main class (not an Application) so the app runs from the classpath with
 * JavaFX as ordinary jars beside it.
 */
@Command(name = "keukentafel", mixinStandardHelpOptions = true, description = "Keukentafel: de app voor coaches.",
        subcommands = {HeadlessCommands.Enroll.class, HeadlessCommands.Sync.class, HeadlessCommands.Status.class,
                HeadlessCommands.Export.class, HeadlessCommands.AddConversation.class})
public final class Main implements Callable<Integer> {

    @Option(names = "--data-dir", description = "Map met de lokale gegevens (standaard de gebruikersmap van het systeem).")
    Path dataDir;

    @Option(names = "--demo", description = "Vul een lege map met de demo-caseload en open als democoach.")
    boolean demo;

    @Option(names = "--lang", defaultValue = "nl", description = "Taal van de app: nl of en (standaard: ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--lock-after-minutes", defaultValue = "5",
            description = "Vergrendel na zoveel minuten zonder toetsenbord of muis (standaard: ${DEFAULT-VALUE}).")
    int lockAfterMinutes;

    @Option(names = "--server", description = "Adres van de syncserver, om deze laptop bij de eerste aanmelding in te schrijven "
            + "(standaard: -Dkeukentafel.server.url, dan de instellingen van IT voor deze computer, dan die van de gebruiker).")
    String server;

    @Option(names = "--enrolment-code", description = "Inschrijfcode van kantoor voor de eerste aanmelding.")
    String enrolmentCode;

    private String[] arguments = new String[0];

    public static void main(String[] args) {
        Main main = new Main();
        main.arguments = args;
        int exit = new CommandLine(main).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() {
        Application.launch(KeukentafelApp.class, arguments);
        return 0;
    }

    /** The options as the app uses them, from the same arguments. */
    static AppOptions parse(String[] args) {
        Main main = new Main();
        new CommandLine(main).parseArgs(args);
        Path folder = main.dataDir == null ? DataFolders.defaultFolder() : main.dataDir;
        // The command line, then -D, then the machine-wide config IT installed, then the user's settings.
        Preconfiguration preconfigured = Preconfiguration.of(folder);
        return new AppOptions(folder, main.demo, Locale.forLanguageTag(main.language),
                Duration.ofMinutes(Math.max(1, main.lockAfterMinutes)), preconfigured.serverUrl(main.server).value(),
                preconfigured.enrolmentCode(main.enrolmentCode).value());
    }
}
