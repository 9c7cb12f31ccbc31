package nl.groningen.keukentafel.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import picocli.CommandLine.Option;

/** Where the server's data is: the same options for serving and for every office command. */
public final class StoreOptions {

    @Option(names = "--data-dir", defaultValue = "data",
            description = "Folder for the embedded SQLite store (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--jdbc-url", defaultValue = "${env:KEUKENTAFEL_JDBC_URL}",
            description = "PostgreSQL URL (jdbc:postgresql://...); without it the embedded SQLite store is used. "
                    + "User and password from KEUKENTAFEL_JDBC_USER and KEUKENTAFEL_JDBC_PASSWORD.")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "${env:KEUKENTAFEL_JDBC_USER}")
    String jdbcUser;

    StoreSettings settings() {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("The data folder cannot be created: " + dataDir, e);
            }
            return StoreSettings.embedded(dataDir);
        }
        return new StoreSettings(jdbcUrl, jdbcUser, System.getenv("KEUKENTAFEL_JDBC_PASSWORD"));
    }
}
