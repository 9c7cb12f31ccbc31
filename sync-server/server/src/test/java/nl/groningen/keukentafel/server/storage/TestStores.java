package nl.groningen.keukentafel.server.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import nl.groningen.keukentafel.server.domain.StoreKind;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Fresh, empty server stores for tests, on either database: {@code @ExtendWith(TestStores.class)}
 * and take a {@link TestStores} parameter. PostgreSQL is an embedded server from Maven Central,
 * started once per test JVM and stopped after its last test; each fresh store gets a database of
 * its own, so tests never see each other's data.
 */
public final class TestStores implements ParameterResolver {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final ExtensionContext context;

    /** JUnit's constructor for the extension. */
    public TestStores() {
        this(null);
    }

    private TestStores(ExtensionContext context) {
        this.context = context;
    }

    /** Both kinds, for {@code @MethodSource}: the same test runs on SQLite and on PostgreSQL. */
    public static Stream<StoreKind> kinds() {
        return Stream.of(StoreKind.values());
    }

    /**
     * The version of the newest migration shipped (V2__x.sql gives "2"), portable or the store's own
     * (db/sqlite holds what db/postgresql holds, in SQLite's words): what a migrated store must report.
     */
    public static String latestMigration() {
        int latest = 0;
        for (String folder : new String[] {"/db/migration", "/db/sqlite"}) {
            try (Stream<Path> files = Files.list(Path.of(TestStores.class.getResource(folder).toURI()))) {
                latest = Math.max(latest, files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                        .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElse(0));
            } catch (IOException | java.net.URISyntaxException e) {
                throw new IllegalStateException("The migrations cannot be listed", e);
            }
        }
        return String.valueOf(latest);
    }

    /** Settings for a new, empty database of the given kind. */
    public StoreSettings fresh(StoreKind kind) {
        return switch (kind) {
            case SQLITE -> StoreSettings.embedded(sqliteFolder());
            case POSTGRESQL -> freshPostgres();
        };
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == TestStores.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return new TestStores(extension);
    }

    private Path sqliteFolder() {
        TempFolders folders = rootStore().getOrComputeIfAbsent(TempFolders.class, key -> new TempFolders(), TempFolders.class);
        try {
            return Files.createTempDirectory(folders.root, "sqlite-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StoreSettings freshPostgres() {
        EmbeddedPostgres postgres = rootStore()
                .getOrComputeIfAbsent(RunningPostgres.class, key -> RunningPostgres.start(), RunningPostgres.class)
                .postgres;
        String database = "keukentafel_test_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database", e);
        }
        return new StoreSettings(postgres.getJdbcUrl("postgres", database), "postgres", "postgres");
    }

    private ExtensionContext.Store rootStore() {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(TestStores.class));
    }

    /** The embedded PostgreSQL of this test JVM; JUnit closes it after the last test. */
    private static final class RunningPostgres implements ExtensionContext.Store.CloseableResource {
        final EmbeddedPostgres postgres;

        private RunningPostgres(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static RunningPostgres start() {
            try {
                return new RunningPostgres(EmbeddedPostgres.builder().start());
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }

    /** A temporary folder for this JVM's SQLite stores, removed after the last test. */
    private static final class TempFolders implements ExtensionContext.Store.CloseableResource {
        final Path root;

        TempFolders() {
            try {
                root = Files.createTempDirectory("keukentafel-stores-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
