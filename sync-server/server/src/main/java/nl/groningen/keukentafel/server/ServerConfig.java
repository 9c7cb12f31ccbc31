package nl.groningen.keukentafel.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import nl.groningen.keukentafel.server.http.TlsSettings;
import nl.groningen.keukentafel.server.storage.StoreSettings;

/**
 * What {@code serve} runs with, resolved from the command line, the environment, the config file
 * and the defaults (see {@link ConfigSources}) and checked before anything starts: a wrong value
 * stops the server with a sentence that names the setting and where it was set.
 *
 * @param tls            null for plain HTTP
 * @param allowPlainHttp plain HTTP on an address other than loopback, for a proxy that terminates TLS
 * @param auditKeepMonths how long the audit log keeps its entries (12 months at least)
 * @param retentionLeftMonths how long after leaving the group a resident is erased by the retention job
 */
record ServerConfig(String host, int port, StoreSettings store, TlsSettings tls, boolean allowPlainHttp, String logLevel,
                    Duration shutdownGrace, int auditKeepMonths, int retentionLeftMonths) {

    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    static ServerConfig resolve(ConfigSources sources) {
        String host = sources.value(ConfigKey.HOST);
        if (host == null) {
            throw wrong(sources.get(ConfigKey.HOST), "is leeg; geef het adres om op te luisteren, bijvoorbeeld 127.0.0.1 of 0.0.0.0");
        }
        int port = integer(sources.get(ConfigKey.PORT), 0, 65_535);
        TlsSettings tls = tls(sources);
        boolean allowPlainHttp = bool(sources.get(ConfigKey.ALLOW_PLAIN_HTTP));
        if (tls == null && !allowPlainHttp && !isLoopback(sources.get(ConfigKey.HOST))) {
            throw new ConfigException("Gewoon HTTP op " + host + " geweigerd: de gegevens van coaches zouden onversleuteld over "
                    + "het netwerk gaan. Geef een certificaat (tls.cert en tls.key, of tls.keystore), of luister op 127.0.0.1, of "
                    + "zeg met --allow-plain-http (allow.plain.http = true) dat een proxy ervoor TLS afhandelt.");
        }
        String logLevel = sources.value(ConfigKey.LOG_LEVEL).toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(logLevel)) {
            throw wrong(sources.get(ConfigKey.LOG_LEVEL), "is geen logniveau; kies uit TRACE, DEBUG, INFO, WARN, ERROR, OFF");
        }
        Duration grace = Duration.ofSeconds(integer(sources.get(ConfigKey.SHUTDOWN_GRACE_SECONDS), 0, 600));
        int auditKeepMonths = integer(sources.get(ConfigKey.AUDIT_KEEP_MONTHS), 12, 1200);
        int retentionLeftMonths = integer(sources.get(ConfigKey.RETENTION_LEFT_MONTHS), 1, 1200);
        return new ServerConfig(host, port, store(sources), tls, allowPlainHttp, logLevel, grace, auditKeepMonths,
                retentionLeftMonths);
    }

    /** Where the data is: PostgreSQL when a JDBC URL is set, else the embedded SQLite file in the data folder. */
    static StoreSettings store(ConfigSources sources) {
        String jdbcUrl = sources.value(ConfigKey.JDBC_URL);
        if (jdbcUrl == null) {
            Path dataDir = path(sources.get(ConfigKey.DATA_DIR));
            try {
                nl.groningen.keukentafel.server.storage.OwnerOnly.folder(dataDir);
            } catch (IOException e) {
                throw wrong(sources.get(ConfigKey.DATA_DIR), e instanceof java.nio.file.AccessDeniedException
                        ? "kan niet als map gemaakt of afgeschermd worden: geen rechten (is het een map van een andere gebruiker?)"
                        : "kan niet als map gemaakt of afgeschermd worden");
            }
            return StoreSettings.embedded(dataDir);
        }
        if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:sqlite:")) {
            throw wrong(sources.get(ConfigKey.JDBC_URL), "is geen database-URL die de server kent; gebruik jdbc:postgresql://HOST/DATABASE");
        }
        return new StoreSettings(jdbcUrl, sources.value(ConfigKey.JDBC_USER), sources.value(ConfigKey.JDBC_PASSWORD));
    }

    private static TlsSettings tls(ConfigSources sources) {
        String cert = sources.value(ConfigKey.TLS_CERT);
        String key = sources.value(ConfigKey.TLS_KEY);
        String keystore = sources.value(ConfigKey.TLS_KEYSTORE);
        if (keystore != null && (cert != null || key != null)) {
            throw new ConfigException("Geef tls.cert en tls.key (PEM) of tls.keystore (PKCS12), niet allebei: tls.keystore komt uit "
                    + sources.get(ConfigKey.TLS_KEYSTORE).origin() + " en "
                    + (cert != null ? "tls.cert uit " + sources.get(ConfigKey.TLS_CERT).origin()
                    : "tls.key uit " + sources.get(ConfigKey.TLS_KEY).origin()) + ".");
        }
        if (keystore != null) {
            return TlsSettings.keystore(readableFile(sources.get(ConfigKey.TLS_KEYSTORE)),
                    sources.value(ConfigKey.TLS_KEYSTORE_PASSWORD));
        }
        if (cert == null && key == null) {
            return null;
        }
        if (cert == null || key == null) {
            ConfigSources.Value given = sources.get(cert == null ? ConfigKey.TLS_KEY : ConfigKey.TLS_CERT);
            String missing = cert == null ? "tls.cert (de certificaatketen, bijvoorbeeld fullchain.pem)"
                    : "tls.key (de privésleutel, bijvoorbeeld privkey.pem)";
            throw new ConfigException(given.key().key() + " is gegeven (" + given.origin() + ") maar " + missing + " niet; TLS heeft beide nodig.");
        }
        return TlsSettings.pem(readableFile(sources.get(ConfigKey.TLS_CERT)), readableFile(sources.get(ConfigKey.TLS_KEY)),
                sources.value(ConfigKey.TLS_KEY_PASSWORD));
    }

    private static boolean isLoopback(ConfigSources.Value host) {
        try {
            return InetAddress.getByName(host.value()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw wrong(host, "is geen adres of naam die deze machine kan opzoeken");
        }
    }

    private static int integer(ConfigSources.Value value, int min, int max) {
        try {
            int number = Integer.parseInt(value.value().trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // said below
        }
        throw wrong(value, "is geen heel getal van " + min + " tot en met " + max);
    }

    private static boolean bool(ConfigSources.Value value) {
        String text = value.value() == null ? "" : value.value().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes" -> true;
            case "false", "no", "" -> false;
            default -> throw wrong(value, "is niet true of false");
        };
    }

    private static Path path(ConfigSources.Value value) {
        try {
            return Path.of(value.value());
        } catch (InvalidPathException | NullPointerException e) {
            throw wrong(value, "is geen pad");
        }
    }

    private static Path readableFile(ConfigSources.Value value) {
        Path path = path(value);
        if (!Files.isRegularFile(path)) {
            throw wrong(value, "is geen bestand");
        }
        if (!Files.isReadable(path)) {
            throw wrong(value, "kan door deze gebruiker niet gelezen worden");
        }
        return path;
    }

    private static ConfigException wrong(ConfigSources.Value value, String why) {
        String shown = value.key().secret() ? "(verborgen)" : "'" + value.value() + "'";
        return new ConfigException(value.key().key() + " " + shown + " (" + value.origin() + ") " + why + ".");
    }
}
