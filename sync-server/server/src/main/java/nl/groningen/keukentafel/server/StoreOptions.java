package nl.groningen.keukentafel.server;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the server's data is, and the config file: the same options for serving and for every
 * office command, so an office command reaches the database the server uses.
 */
public final class StoreOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (Java properties; see keukentafel-server.example.properties). "
                    + "Also KEUKENTAFEL_CONFIG. Command-line options beat environment variables, which beat the file.")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder for the embedded SQLite store (default: data). Key data.dir, KEUKENTAFEL_DATA_DIR.")
    String dataDir;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "PostgreSQL URL (jdbc:postgresql://HOST/DB); without it the embedded SQLite store is used. "
                    + "Key jdbc.url, KEUKENTAFEL_JDBC_URL. The password only from jdbc.password or KEUKENTAFEL_JDBC_PASSWORD.")
    String jdbcUrl;

    @Option(names = "--jdbc-user", paramLabel = "USER", description = "PostgreSQL user. Key jdbc.user, KEUKENTAFEL_JDBC_USER.")
    String jdbcUser;

    StoreSettings settings() {
        return ServerConfig.store(sources(Map.of()));
    }

    /** Every source of settings, with these options and the given ones as the command line's. */
    ConfigSources sources(Map<ConfigKey, String> moreOptions) {
        Map<String, String> environment = ((ServerMain) command.root().userObject()).environment();
        Map<ConfigKey, String> options = new EnumMap<>(ConfigKey.class);
        options.put(ConfigKey.DATA_DIR, dataDir);
        options.put(ConfigKey.JDBC_URL, jdbcUrl);
        options.put(ConfigKey.JDBC_USER, jdbcUser);
        moreOptions.forEach((key, value) -> options.put(key, value));
        Path file = config;
        String fromEnvironment = environment.get(ConfigKey.ENV_PREFIX + "CONFIG");
        if (file == null && fromEnvironment != null && !fromEnvironment.isBlank()) {
            file = Path.of(fromEnvironment.trim());
        }
        return new ConfigSources(options, environment, file == null ? null : ConfigFile.read(file));
    }
}
