package nl.groningen.keukentafel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.groningen.keukentafel.server.storage.StoreSettings;

/**
 * PostgreSQL's own backup tools, pg_dump and pg_restore, as docs/operations.md has the operator
 * use them, against the tests' embedded PostgreSQL (whose bundle has the server but not these
 * tools: they come from the machine's postgresql-client, which README's prerequisites name and the
 * build checks for before it starts).
 */
final class PostgresTools {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");

    private PostgresTools() {
    }

    /** Fails the test, saying what to install, where the tools are missing: the drill is never skipped. */
    static void requireAvailable() {
        if (tool("pg_dump").isEmpty() || tool("pg_restore").isEmpty()) {
            throw new AssertionError("pg_dump and pg_restore are missing: install PostgreSQL's client tools "
                    + "(on Debian or Ubuntu: sudo apt-get install postgresql-client)");
        }
    }

    /** {@code pg_dump -Fc} of the settings' database into the file, while the server runs. */
    static String dump(StoreSettings settings, Path file) throws IOException, InterruptedException {
        return run(settings, "pg_dump", "-Fc", "--file", file.toString());
    }

    /** {@code pg_restore} of the file into the settings' (empty) database. */
    static String restore(StoreSettings settings, Path file) throws IOException, InterruptedException {
        return run(settings, "pg_restore", "--no-owner", "--exit-on-error", file.toString());
    }

    private static String run(StoreSettings settings, String tool, String... arguments) throws IOException, InterruptedException {
        Matcher url = URL.matcher(settings.jdbcUrl());
        assertThat(url.matches()).as(settings.jdbcUrl()).isTrue();
        List<String> command = new ArrayList<>(List.of(tool("" + tool).orElseThrow().toString(), "--host", url.group(1),
                "--port", url.group(2), "--username", settings.user(), "--dbname", url.group(3)));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", settings.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(tool + ": " + output).isZero();
        return output;
    }

    private static Optional<Path> tool(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).map(folder -> Path.of(folder, name))
                .filter(Files::isExecutable).findFirst();
    }
}
