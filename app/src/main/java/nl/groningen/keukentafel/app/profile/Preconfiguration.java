package nl.groningen.keukentafel.app.profile;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import nl.groningen.keukentafel.app.store.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which sync server this laptop talks to, and the enrolment code it may enrol with, as IT set them
 * up. Each is looked up in this order, the first that has it wins:
 * <ol>
 *   <li>the command line ({@code --server}, {@code --enrolment-code});</li>
 *   <li>a Java system property ({@code -Dkeukentafel.server.url}, {@code -Dkeukentafel.enrolment.code});</li>
 *   <li>the machine-wide config, {@code keukentafel.properties} in {@code /etc/keukentafel/} (Linux),
 *       {@code %ProgramData%\Keukentafel\} (Windows) or {@code /Library/Application Support/Keukentafel/}
 *       (macOS), written by the installer or IT ({@code KEUKENTAFEL_MACHINE_CONFIG} names another file);</li>
 *   <li>the user's own settings, {@code settings.properties} in the per-user data folder, where the app
 *       keeps the server a coach typed at enrolment.</li>
 * </ol>
 * IT may also set {@code retention.conversation.months} (no command line: a coach does not choose it).
 * The files are Java properties ({@code server.url = https://...}, {@code enrolment.code = ...}),
 * UTF-8; a line like {@code [keukentafel]} is skipped, so the Windows installer can write the file as
 * an INI file. A file that cannot be read is passed over with a warning in the log: the coach can
 * still type the server at enrolment.
 */
public final class Preconfiguration {

    public static final String SERVER_URL = "server.url";
    public static final String ENROLMENT_CODE = "enrolment.code";
    /** Months a finalised conversation stays on the laptop after its date (docs/installing.md). */
    public static final String CONVERSATION_RETENTION_MONTHS = "retention.conversation.months";
    public static final int DEFAULT_CONVERSATION_RETENTION_MONTHS = 12;
    static final String PROPERTY_PREFIX = "keukentafel.";
    static final String MACHINE_CONFIG_VARIABLE = "KEUKENTAFEL_MACHINE_CONFIG";
    static final String FILE_NAME = "keukentafel.properties";
    static final String USER_SETTINGS = "settings.properties";

    private static final Logger LOG = LoggerFactory.getLogger(Preconfiguration.class);

    /** Where a value came from, for the enrolment screen and for support. */
    public enum Source { COMMAND_LINE, SYSTEM_PROPERTY, MACHINE_CONFIG, USER_SETTINGS, ENROLMENT, NONE }

    /** A value and where it came from ({@code value} null when nothing set it). */
    public record Setting(String value, Source source) {

        static final Setting NONE = new Setting(null, Source.NONE);
    }

    private final Function<String, String> systemProperties;
    private final Properties machine;
    private final Properties user;
    private final Path userSettings;

    Preconfiguration(Function<String, String> systemProperties, Path machineConfig, Path userSettings) {
        this.systemProperties = systemProperties;
        this.machine = read(machineConfig);
        this.user = read(userSettings);
        this.userSettings = userSettings;
    }

    /** This machine's: system properties, its machine-wide config and the user's settings in {@code dataFolder}. */
    public static Preconfiguration of(Path dataFolder) {
        return new Preconfiguration(System::getProperty,
                machineConfig(System.getProperty("os.name"), System.getenv()), dataFolder.resolve(USER_SETTINGS));
    }

    /** The machine-wide config file for an operating system (the environment may name another). */
    static Path machineConfig(String osName, Map<String, String> environment) {
        String named = environment.get(MACHINE_CONFIG_VARIABLE);
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String programData = environment.getOrDefault("ProgramData", environment.getOrDefault("PROGRAMDATA", "C:\\ProgramData"));
            return Path.of(programData, "Keukentafel", FILE_NAME);
        }
        if (os.contains("mac")) {
            return Path.of("/Library", "Application Support", "Keukentafel", FILE_NAME);
        }
        return Path.of("/etc", "keukentafel", FILE_NAME);
    }

    /** The server URL: {@code commandLine} when given, else the first source that sets it. */
    public Setting serverUrl(String commandLine) {
        return lookUp(SERVER_URL, commandLine);
    }

    /**
     * The server an enrolled laptop syncs with: the first source above that names one (the office
     * moved the server: IT changes the machine config, or support gives {@code --server}), else the
     * server it enrolled with. The laptop keeps its device token either way.
     */
    public Setting syncServer(String commandLine, String enrolledWith) {
        Setting configured = serverUrl(commandLine);
        return configured.value() != null ? configured : new Setting(enrolledWith, Source.ENROLMENT);
    }

    /** The enrolment code: {@code commandLine} when given, else the first source that sets it. */
    public Setting enrolmentCode(String commandLine) {
        return lookUp(ENROLMENT_CODE, commandLine);
    }

    /**
     * How many months a finalised conversation stays on the laptop: the first source above that
     * sets {@value #CONVERSATION_RETENTION_MONTHS}, else {@value #DEFAULT_CONVERSATION_RETENTION_MONTHS};
     * at least 1. A value that is not a whole number is passed over with a warning.
     */
    public int conversationRetentionMonths() {
        Setting setting = lookUp(CONVERSATION_RETENTION_MONTHS, null);
        if (setting.value() == null) {
            return DEFAULT_CONVERSATION_RETENTION_MONTHS;
        }
        try {
            return Math.max(1, Integer.parseInt(setting.value()));
        } catch (NumberFormatException e) {
            LOG.warn("{} in the {} is not a whole number of months; keeping conversations {} months",
                    CONVERSATION_RETENTION_MONTHS, setting.source(), DEFAULT_CONVERSATION_RETENTION_MONTHS);
            return DEFAULT_CONVERSATION_RETENTION_MONTHS;
        }
    }

    private Setting lookUp(String key, String commandLine) {
        if (present(commandLine)) {
            return new Setting(commandLine.trim(), Source.COMMAND_LINE);
        }
        String property = systemProperties.apply(PROPERTY_PREFIX + key);
        if (present(property)) {
            return new Setting(property.trim(), Source.SYSTEM_PROPERTY);
        }
        if (present(machine.getProperty(key))) {
            return new Setting(machine.getProperty(key).trim(), Source.MACHINE_CONFIG);
        }
        if (present(user.getProperty(key))) {
            return new Setting(user.getProperty(key).trim(), Source.USER_SETTINGS);
        }
        return Setting.NONE;
    }

    /**
     * Keeps the server a coach enrolled with in the user's settings, so the next start knows it
     * without a machine config. The file is replaced whole (written beside it, then moved).
     */
    public void rememberServer(String serverUrl) throws IOException {
        if (serverUrl.equals(user.getProperty(SERVER_URL))) {
            return;
        }
        user.setProperty(SERVER_URL, serverUrl);
        OwnerOnly.folder(userSettings.getParent());
        Path written = userSettings.resolveSibling(USER_SETTINGS + ".new");
        OwnerOnly.file(written);
        try (Writer out = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
            user.store(out, "Keukentafel: settings of this user (the sync server this laptop enrolled with)");
        }
        Files.move(written, userSettings, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try {
            StringBuilder text = new StringBuilder();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                    continue; // an INI section header: the Windows installer writes the file as INI
                }
                text.append(line).append('\n');
            }
            try (Reader in = new StringReader(text.toString())) {
                properties.load(in);
            }
        } catch (NoSuchFileException e) {
            // Not preconfigured: the usual case for the user's settings before the first enrolment.
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Settings file {} cannot be read ({}); going on without it", file, e.getClass().getSimpleName());
        }
        return properties;
    }
}
