package nl.groningen.keukentafel.app.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Resident;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One coach's local database: a single SQLite file in WAL mode with foreign keys on, migrated on
 * open. Everything the coach records is written here first; the network is never waited on.
 * One connection, used by one thread at a time (the methods are synchronized).
 */
public final class LocalStore implements AutoCloseable {

    private final Connection connection;

    private LocalStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static LocalStore open(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:nl/groningen/keukentafel/app/store/migration")
                .load().migrate();
        try {
            return new LocalStore(dataSource.getConnection());
        } catch (SQLException e) {
            throw new LocalStoreException("The local database cannot be opened", e);
        }
    }

    /** Whether no resident has been stored yet (a new laptop, or a reset demo). */
    public synchronized boolean isEmpty() {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM resident")) {
            rows.next();
            return rows.getInt(1) == 0;
        } catch (SQLException e) {
            throw new LocalStoreException("The caseload cannot be read", e);
        }
    }

    /** Stores or replaces residents, all in one transaction. */
    public synchronized void saveResidents(List<Resident> residents) {
        String sql = """
                INSERT OR REPLACE INTO resident (id, coach_id, client_number, given_name, surname_prefix, surname,
                    street, house_number, postcode, wijk, date_of_birth, phone, known_at_wij, specialist_team,
                    contact_term_months, initiative, outreach_status, next_contact_due)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        inTransaction(() -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Resident r : residents) {
                    statement.setString(1, r.id().toString());
                    statement.setString(2, r.coachId().toString());
                    statement.setString(3, r.clientNumber());
                    statement.setString(4, r.givenName());
                    statement.setString(5, r.surnamePrefix());
                    statement.setString(6, r.surname());
                    statement.setString(7, r.street());
                    statement.setString(8, r.houseNumber());
                    statement.setString(9, r.postcode());
                    statement.setString(10, r.wijk());
                    setDate(statement, 11, r.dateOfBirth());
                    statement.setString(12, r.phone());
                    statement.setBoolean(13, r.knownAtWij());
                    statement.setBoolean(14, r.specialistTeam());
                    statement.setInt(15, r.contactTermMonths());
                    statement.setString(16, r.initiative().name());
                    statement.setString(17, r.outreachStatus().name());
                    setDate(statement, 18, r.nextContactDue());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    /** The whole caseload, in no particular order (the domain decides how it is shown). */
    public synchronized List<Resident> residents() {
        String sql = """
                SELECT id, coach_id, client_number, given_name, surname_prefix, surname, street, house_number,
                       postcode, wijk, date_of_birth, phone, known_at_wij, specialist_team, contact_term_months,
                       initiative, outreach_status, next_contact_due
                FROM resident""";
        List<Resident> residents = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                residents.add(new Resident(UUID.fromString(rows.getString(1)), UUID.fromString(rows.getString(2)),
                        rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                        rows.getString(8), rows.getString(9), rows.getString(10), date(rows.getString(11)),
                        rows.getString(12), rows.getBoolean(13), rows.getBoolean(14), rows.getInt(15),
                        Initiative.valueOf(rows.getString(16)), OutreachStatus.valueOf(rows.getString(17)),
                        date(rows.getString(18))));
            }
        } catch (SQLException e) {
            throw new LocalStoreException("The caseload cannot be read", e);
        }
        return residents;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new LocalStoreException("The local database did not close cleanly", e);
        }
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, date.toString());
        }
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private void inTransaction(SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LocalStoreException("The local database refused the change; nothing was saved", e);
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }
}
