package nl.groningen.keukentafel.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting the server reads, with its key in the config file, its environment variable and its
 * default. The environment variable is the key in capitals with dots as underscores behind
 * {@code KEUKENTAFEL_}: {@code jdbc.url} is {@code KEUKENTAFEL_JDBC_URL}.
 */
enum ConfigKey {
    HOST("host", "127.0.0.1"),
    PORT("port", "8765"),
    DATA_DIR("data.dir", "data"),
    JDBC_URL("jdbc.url", null),
    JDBC_USER("jdbc.user", null),
    JDBC_PASSWORD("jdbc.password", null),
    TLS_CERT("tls.cert", null),
    TLS_KEY("tls.key", null),
    TLS_KEY_PASSWORD("tls.key.password", null),
    TLS_KEYSTORE("tls.keystore", null),
    TLS_KEYSTORE_PASSWORD("tls.keystore.password", null),
    ALLOW_PLAIN_HTTP("allow.plain.http", "false"),
    LOG_LEVEL("log.level", "INFO"),
    SHUTDOWN_GRACE_SECONDS("shutdown.grace.seconds", "30"),
    AUDIT_KEEP_MONTHS("audit.keep.months", "60"),
    /** Months after the day a resident left the group ({@code left_group_on}) that the retention job erases them. */
    RETENTION_LEFT_MONTHS("retention.left.months", "24");

    static final String ENV_PREFIX = "KEUKENTAFEL_";

    private final String key;
    private final String defaultValue;

    ConfigKey(String key, String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    /** The key as written in the config file, e.g. {@code data.dir}. */
    String key() {
        return key;
    }

    /** The command-line option, e.g. {@code --data-dir}; passwords have none (a command line is visible to every user). */
    String option() {
        return secret() ? null : "--" + key.replace('.', '-');
    }

    String environmentVariable() {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The value when nothing sets it; null for "not set". */
    String defaultValue() {
        return defaultValue;
    }

    /** Keys whose values are secrets: never printed. */
    boolean secret() {
        return key.endsWith("password");
    }

    static Optional<ConfigKey> ofKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
