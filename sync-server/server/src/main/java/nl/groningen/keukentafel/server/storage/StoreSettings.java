package nl.groningen.keukentafel.server.storage;

import java.nio.file.Path;
import nl.groningen.keukentafel.server.domain.StoreKind;

/** How to reach the server's database. The password is never printed. */
public record StoreSettings(String jdbcUrl, String user, String password) {

    /** The embedded store: one SQLite file in the server's data folder. */
    public static StoreSettings embedded(Path dataFolder) {
        return new StoreSettings("jdbc:sqlite:" + dataFolder.resolve("keukentafel-server.db").toAbsolutePath(), null, null);
    }

    /** The embedded store's database file; null for PostgreSQL. */
    public Path sqliteFile() {
        return kind() == StoreKind.SQLITE ? Path.of(jdbcUrl.substring("jdbc:sqlite:".length())) : null;
    }

    public StoreKind kind() {
        return StoreKind.ofJdbcUrl(jdbcUrl);
    }

    @Override
    public String toString() {
        return "StoreSettings[" + kind().label() + "]";
    }
}
