package nl.groningen.keukentafel.server.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.server.domain.StoreKind;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The server's database, SQLite or PostgreSQL behind the same SQL. Opening it runs the
 * migrations; every write is one transaction, so a failed import leaves nothing behind.
 */
public final class ServerStore implements AutoCloseable {

    private static final int BATCH = 500;

    private final StoreKind kind;
    private final HikariDataSource dataSource;
    private final ObjectMapper json = Json.mapper();

    private ServerStore(StoreKind kind, HikariDataSource dataSource) {
        this.kind = kind;
        this.dataSource = dataSource;
    }

    /** Connects, migrates to the current schema, and returns the open store. */
    public static ServerStore open(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        StoreKind kind = settings.kind();
        if (kind == StoreKind.SQLITE) {
            // One writer at a time is SQLite's nature; WAL lets readers go on meanwhile.
            config.setJdbcUrl(settings.jdbcUrl() + "?journal_mode=WAL&foreign_keys=on&busy_timeout=10000&synchronous=NORMAL");
            config.setMaximumPoolSize(4);
        } else {
            config.setJdbcUrl(settings.jdbcUrl());
            config.setUsername(settings.user());
            config.setPassword(settings.password());
            config.setMaximumPoolSize(16);
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        config.setPoolName("keukentafel-" + kind.label());
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new ServerStore(kind, dataSource);
    }

    public StoreKind kind() {
        return kind;
    }

    /** The version of the newest migration applied. */
    public String schemaVersion() {
        MigrationInfo current = Flyway.configure().dataSource(dataSource).load().info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    /** Stores a whole dataset in one transaction: all of it, or (on any error) none of it. */
    public void importDataset(Dataset dataset) {
        inTransaction(connection -> {
            batch(connection, "INSERT INTO coach (id, name, area) VALUES (?, ?, ?)", dataset.coaches(),
                    (statement, coach) -> {
                        statement.setString(1, coach.id().toString());
                        statement.setString(2, coach.name());
                        statement.setString(3, coach.area());
                    });
            batch(connection, "INSERT INTO resident (id, coach_id, client_number, body) VALUES (?, ?, ?, ?)",
                    dataset.residents(), (statement, resident) -> {
                        statement.setString(1, resident.id().toString());
                        statement.setString(2, resident.coachId() == null ? null : resident.coachId().toString());
                        statement.setString(3, resident.clientNumber());
                        statement.setString(4, toJson(resident));
                    });
            records(connection, "contact_attempt", dataset.contactAttempts(), a -> a.id(), a -> a.residentId());
            records(connection, "appointment", dataset.appointments(), a -> a.id(), a -> a.residentId());
            records(connection, "conversation", dataset.conversations(), c -> c.id(), c -> c.residentId());
            records(connection, "agreement", dataset.agreements(), a -> a.id(), a -> a.residentId());
            records(connection, "referral", dataset.referrals(), r -> r.id(), r -> r.residentId());
            records(connection, "development_plan", dataset.developmentPlans(), p -> p.id(), p -> p.residentId());
            return null;
        });
    }

    public int countResidents() {
        return inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM resident");
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /** The residents assigned to a coach, in client-number order. */
    public List<Resident> caseloadOf(UUID coachId) {
        return inTransaction(connection -> {
            List<Resident> residents = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT body FROM resident WHERE coach_id = ? ORDER BY client_number")) {
                statement.setString(1, coachId.toString());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        residents.add(json.readValue(rows.getString(1), Resident.class));
                    }
                }
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            return residents;
        });
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private <T> void records(Connection connection, String kind, List<T> records,
                             Function<T, UUID> id, Function<T, UUID> residentId) throws SQLException {
        batch(connection, "INSERT INTO resident_record (id, kind, resident_id, body) VALUES (?, ?, ?, ?)", records,
                (statement, record) -> {
                    statement.setString(1, id.apply(record).toString());
                    statement.setString(2, kind);
                    statement.setString(3, residentId.apply(record).toString());
                    statement.setString(4, toJson(record));
                });
    }

    private <T> void batch(Connection connection, String sql, List<T> items, Binder<T> binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("The server database refused the operation", e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }
}
