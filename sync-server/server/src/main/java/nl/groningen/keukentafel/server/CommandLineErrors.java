package nl.groningen.keukentafel.server;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.groningen.keukentafel.server.storage.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the operator sees when a command goes wrong: one Dutch line on standard error and a
 * non-zero exit code, never a stack trace. The line names the option or the kind of failure, not
 * the values or the database's own message (those can carry personal data: PostgreSQL quotes the
 * values that broke a constraint).
 */
final class CommandLineErrors {

    /** A wrong setting or wrong use of the command line. */
    static final int EXIT_USAGE = 2;
    /** The command ran and could not do what it was asked. */
    static final int EXIT_FAILED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(CommandLineErrors.class);

    private CommandLineErrors() {
    }

    /** Installs both handlers on the command line and, through it, on every subcommand. */
    static CommandLine install(CommandLine cli) {
        cli.setParameterExceptionHandler(CommandLineErrors::wrongUse);
        cli.setExecutionExceptionHandler((e, command, parsed) -> failed(e, command));
        return cli;
    }

    private static int wrongUse(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(wrongUseMessage(e) + " Zie: " + command.getCommandSpec().qualifiedName() + " --help");
        return EXIT_USAGE;
    }

    static String wrongUseMessage(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            String first = unmatched.getUnmatched().isEmpty() ? "" : unmatched.getUnmatched().get(0);
            return first.startsWith("-") ? "Onbekende optie " + first + "." : "Onbekende opdracht of te veel argumenten.";
        }
        if (e instanceof CommandLine.MissingParameterException missing) {
            return "Niet gegeven: " + missing.getMissing().stream().map(CommandLineErrors::label).collect(Collectors.joining(", "))
                    + ".";
        }
        if (e instanceof CommandLine.OverwrittenOptionException overwritten) {
            return label(overwritten.getOverwritten()) + " is meer dan één keer gegeven.";
        }
        if (String.valueOf(e.getMessage()).startsWith("Missing required subcommand")) {
            return "Geef een opdracht, bijvoorbeeld serve, coaches of create-user.";
        }
        ArgSpec arg = e.getArgSpec();
        if (arg != null) {
            return "Ongeldige waarde voor " + label(arg) + ": " + expected(arg.type()) + ".";
        }
        return "De opdracht is niet goed gegeven.";
    }

    private static String expected(Class<?> type) {
        if (type == UUID.class) {
            return "verwacht een id zoals 3f2c8a1e-0b7d-4c55-9e61-2a4f9d0c7b13";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "verwacht een heel getal";
        }
        if (type.isEnum()) {
            return "kies uit " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        return "die waarde kan niet";
    }

    private static String label(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    private static int failed(Exception e, CommandLine command) {
        if (e instanceof ConfigException) {
            command.getErr().println("Fout in de instellingen: " + e.getMessage());
            return EXIT_USAGE;
        }
        LOG.debug("event=command_failed command={}", command.getCommandName(), e);
        command.getErr().println(failureMessage(e));
        return EXIT_FAILED;
    }

    static String failureMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.BindException) {
            return "Het adres of de poort is al in gebruik, of vraagt rechten die de server niet heeft: kies een andere met "
                    + "--port of --host.";
        }
        if (root instanceof java.net.ConnectException || root instanceof java.net.UnknownHostException
                || root instanceof java.net.SocketTimeoutException) {
            return "De database is niet bereikbaar: controleer --jdbc-url (host en poort) en of PostgreSQL draait. "
                    + "Er is niets opgeslagen.";
        }
        if (e instanceof StoreException || e instanceof java.sql.SQLException || isDatabaseStart(e)) {
            return "De database is niet bereikbaar of weigerde de opdracht: controleer --data-dir of --jdbc-url, de gebruiker, "
                    + "het wachtwoord en de rechten op de map. Er is niets opgeslagen.";
        }
        if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
            return "Een bestand kon niet gelezen of geschreven worden: controleer de map en de rechten.";
        }
        return "De opdracht is afgebroken door een onverwachte fout; er is mogelijk niets gedaan. Meld het aan de beheerder.";
    }

    /** The connection pool or the migrations failed while the store opened: the database is not there or refuses us. */
    private static boolean isDatabaseStart(Throwable e) {
        String name = e.getClass().getName();
        return name.startsWith("com.zaxxer.hikari.") || name.startsWith("org.flywaydb.");
    }
}
