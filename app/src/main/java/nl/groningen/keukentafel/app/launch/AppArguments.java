package nl.groningen.keukentafel.app.launch;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import nl.groningen.keukentafel.app.profile.DataFolders;
import nl.groningen.keukentafel.app.profile.Preconfiguration;
import nl.groningen.keukentafel.app.session.AppOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * The app's own command-line options (the window, not the headless commands): part of
 * {@link Main}'s command line, and read on their own when they are all there is.
 *
 * <p>A start of the window reads them without picocli ({@link #readQuickly}): at a cold start,
 * picocli takes a tenth of a second or more to build even this small command line by reflection
 * (two tenths for {@code Main}'s, with its headless commands), on the way to the login screen.
 * The quick reading takes only the plain forms ({@code --demo}, {@code --lang en},
 * {@code --lang=en}, each option once); anything else goes to picocli, whose verdict stands:
 * {@code AppArgumentsTest} checks that both read the same.
 */
public final class AppArguments {

    static final String DATA_DIR = "--data-dir";
    static final String DEMO = "--demo";
    static final String LANGUAGE = "--lang";
    static final String LOCK_AFTER_MINUTES = "--lock-after-minutes";
    static final String SERVER = "--server";
    static final String ENROLMENT_CODE = "--enrolment-code";
    private static final String DEFAULT_LANGUAGE = "nl";
    private static final int DEFAULT_LOCK_AFTER_MINUTES = 5;

    @Option(names = DATA_DIR, description = "Map met de lokale gegevens (standaard de gebruikersmap van het systeem).")
    Path dataDir;

    @Option(names = DEMO, description = "Vul een lege map met de demo-caseload en open als democoach.")
    boolean demo;

    @Option(names = LANGUAGE, defaultValue = DEFAULT_LANGUAGE,
            description = "Taal van de app: nl of en (standaard: ${DEFAULT-VALUE}).")
    String language = DEFAULT_LANGUAGE;

    @Option(names = LOCK_AFTER_MINUTES, defaultValue = "" + DEFAULT_LOCK_AFTER_MINUTES,
            description = "Vergrendel na zoveel minuten zonder toetsenbord of muis (standaard: ${DEFAULT-VALUE}).")
    int lockAfterMinutes = DEFAULT_LOCK_AFTER_MINUTES;

    @Option(names = SERVER, description = "Adres van de syncserver: om deze laptop bij de eerste aanmelding in te schrijven, "
            + "of waar een ingeschreven laptop naartoe synchroniseert als kantoor de server verhuisde "
            + "(standaard: -Dkeukentafel.server.url, dan de instellingen van IT voor deze computer, dan die van de gebruiker).")
    String server;

    @Option(names = ENROLMENT_CODE, description = "Inschrijfcode van kantoor voor de eerste aanmelding.")
    String enrolmentCode;

    /**
     * The app's options when {@code args} holds nothing but these options (a start of the window),
     * or null when it holds anything else (a headless command, help, a mistake): {@link Main}'s
     * full command line then handles it, and says what is wrong.
     */
    public static AppOptions of(String... args) {
        AppArguments arguments = readQuickly(args);
        if (arguments == null) {
            arguments = readWithPicocli(args);
        }
        return arguments == null ? null : arguments.options();
    }

    /** The arguments read without picocli, or null when they are not all in the plain forms. */
    static AppArguments readQuickly(String... args) {
        AppArguments arguments = new AppArguments();
        Set<String> given = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!given.add(name)) {
                return null;
            }
            if (DEMO.equals(name)) {
                if (value != null) {
                    return null;
                }
                arguments.demo = true;
                continue;
            }
            if (value == null) {
                if (i + 1 == args.length || args[i + 1].startsWith("-")) {
                    return null;
                }
                value = args[++i];
            }
            if (value.isEmpty() || !arguments.set(name, value)) {
                return null;
            }
        }
        return arguments;
    }

    /** The arguments read by picocli (also the forms the quick reading leaves), or null when they are not only these options. */
    static AppArguments readWithPicocli(String... args) {
        AppArguments arguments = new AppArguments();
        try {
            new CommandLine(arguments).parseArgs(args);
        } catch (ParameterException e) {
            return null;
        }
        return arguments;
    }

    /** Sets the option {@code name}; false when there is no such option or the value does not fit it. */
    private boolean set(String name, String value) {
        try {
            switch (name) {
                case DATA_DIR -> dataDir = Path.of(value);
                case LANGUAGE -> language = value;
                case LOCK_AFTER_MINUTES -> lockAfterMinutes = Integer.parseInt(value);
                case SERVER -> server = value;
                case ENROLMENT_CODE -> enrolmentCode = value;
                default -> {
                    return false;
                }
            }
            return true;
        } catch (NumberFormatException | InvalidPathException e) {
            return false;
        }
    }

    /** The options as the app uses them: the command line, then -D, then IT's settings for this computer, then the user's. */
    public AppOptions options() {
        Path folder = dataDir == null ? DataFolders.defaultFolder() : dataDir;
        Preconfiguration preconfigured = Preconfiguration.of(folder);
        return new AppOptions(folder, demo, Locale.forLanguageTag(language),
                Duration.ofMinutes(Math.max(1, lockAfterMinutes)), preconfigured.serverUrl(server).value(),
                preconfigured.enrolmentCode(enrolmentCode).value(), preconfigured.conversationRetentionMonths());
    }
}
