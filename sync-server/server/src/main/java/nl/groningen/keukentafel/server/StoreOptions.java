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

    @Option(names = "--config", paramLabel = "BESTAND",
            description = "Instellingenbestand (Java-properties; zie keukentafel-server.example.properties). "
                    + "Ook KEUKENTAFEL_CONFIG. Opties gaan voor omgevingsvariabelen, die gaan voor het bestand.")
    Path config;

    @Option(names = "--data-dir", paramLabel = "MAP",
            description = "Map voor de ingebouwde SQLite-database (standaard: data). Sleutel data.dir, KEUKENTAFEL_DATA_DIR.")
    String dataDir;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "PostgreSQL-URL (jdbc:postgresql://HOST/DB); zonder deze optie de ingebouwde SQLite-database. "
                    + "Sleutel jdbc.url, KEUKENTAFEL_JDBC_URL. Het wachtwoord alleen uit jdbc.password of KEUKENTAFEL_JDBC_PASSWORD.")
    String jdbcUrl;

    @Option(names = "--jdbc-user", paramLabel = "GEBRUIKER", description = "PostgreSQL-gebruiker. Sleutel jdbc.user, KEUKENTAFEL_JDBC_USER.")
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
