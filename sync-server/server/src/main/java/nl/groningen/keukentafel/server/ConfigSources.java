package nl.groningen.keukentafel.server;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where each setting comes from: the command line beats an environment variable, which beats the
 * config file, which beats the default. Remembers the origin, so an error can say where a wrong
 * value was set.
 */
final class ConfigSources {

    /** A setting's value (null when unset) and where it came from, e.g. "omgevingsvariabele KEUKENTAFEL_PORT". */
    record Value(ConfigKey key, String value, String origin) {
    }

    private final Map<ConfigKey, String> commandLine;
    private final Map<String, String> environment;
    private final ConfigFile file;

    /**
     * @param commandLine values given as options (absent options left out)
     * @param environment the process environment
     * @param file        the config file, or null when none is given
     */
    ConfigSources(Map<ConfigKey, String> commandLine, Map<String, String> environment, ConfigFile file) {
        this.commandLine = new EnumMap<>(ConfigKey.class);
        commandLine.forEach((key, value) -> {
            if (value != null) {
                this.commandLine.put(key, value);
            }
        });
        this.environment = Map.copyOf(environment);
        this.file = file;
    }

    Value get(ConfigKey key) {
        if (commandLine.containsKey(key)) {
            return new Value(key, commandLine.get(key), "optie " + key.option());
        }
        String fromEnvironment = environment.get(key.environmentVariable());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Value(key, fromEnvironment.trim(), "omgevingsvariabele " + key.environmentVariable());
        }
        if (file != null && file.value(key) != null) {
            return new Value(key, file.value(key), file.origin(key));
        }
        return new Value(key, key.defaultValue(), "standaard");
    }

    /** The value, or null when nothing sets it (and it has no default). */
    String value(ConfigKey key) {
        String value = get(key).value();
        return value == null || value.isBlank() ? null : value;
    }
}
