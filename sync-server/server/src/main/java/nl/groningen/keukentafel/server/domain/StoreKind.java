package nl.groningen.keukentafel.server.domain;

/** Which database holds the server's data: embedded SQLite by default, PostgreSQL in production. */
public enum StoreKind {
    SQLITE("sqlite", "SQLite"),
    POSTGRESQL("postgresql", "PostgreSQL");

    private final String label;
    private final String displayName;

    StoreKind(String label, String displayName) {
        this.label = label;
        this.displayName = displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }

    public String label() {
        return label;
    }

    public static StoreKind ofJdbcUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database URL; use jdbc:sqlite: or jdbc:postgresql:");
    }
}
