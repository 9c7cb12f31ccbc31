package nl.groningen.keukentafel.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.groningen.keukentafel.server.domain.DeviceInfo;
import nl.groningen.keukentafel.server.domain.DeviceSession;
import nl.groningen.keukentafel.server.domain.Enrolment;
import nl.groningen.keukentafel.server.domain.OfficeLogin;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.Secrets;

/**
 * Users, enrolment codes and devices, in the server's database. Wrong passwords are counted per
 * user in the database (five in a row lock enrolment for fifteen minutes), so every server
 * instance enforces the same limit.
 */
public final class Accounts {

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    /** Checked against for an unknown user name, so its answer takes as long as a wrong password's. */
    private static final String NOBODY = Secrets.hashPassword("nobody".toCharArray());

    private final ServerStore store;

    Accounts(ServerStore store) {
        this.store = store;
    }

    /** Makes a user; a coach user is tied to the coach whose caseload they keep. */
    public UUID createUser(String userName, Role role, UUID coachId, char[] password) {
        if (role == Role.COACH && coachId == null) {
            throw new IllegalArgumentException("A coach user needs the coach whose caseload they keep");
        }
        UUID id = UUID.randomUUID();
        String hash = Secrets.hashPassword(password);
        store.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO app_user (id, user_name, role, coach_id, password_hash) VALUES (?, ?, ?, ?, ?)")) {
                statement.setString(1, id.toString());
                statement.setString(2, userName);
                statement.setString(3, role.name());
                statement.setString(4, coachId == null ? null : coachId.toString());
                statement.setString(5, hash);
                statement.executeUpdate();
            }
            return null;
        });
        return id;
    }

    /** The coach whose caseload a coach user keeps, or empty for an unknown user or one without a caseload. */
    public Optional<UUID> coachOf(String userName) {
        return store.inReadTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT coach_id FROM app_user WHERE user_name = ?")) {
                statement.setString(1, userName);
                try (ResultSet row = statement.executeQuery()) {
                    String coach = row.next() ? row.getString(1) : null;
                    return Optional.ofNullable(coach).map(UUID::fromString);
                }
            }
        });
    }

    /** Whether a user with this name exists. */
    public boolean exists(String userName) {
        return store.inReadTransaction(connection -> userId(connection, userName).isPresent());
    }

    /** A one-time code for a user to enrol one laptop, valid for the given time. Only its hash is kept. */
    public String createEnrolmentCode(String userName, Duration validFor, Instant now) {
        String code = Secrets.newEnrolmentCode();
        store.inTransaction(connection -> {
            UUID user = userId(connection, userName).orElseThrow(() -> new IllegalArgumentException("No such user"));
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO enrolment_code (code_hash, user_id, expires_at) VALUES (?, ?, ?)")) {
                statement.setString(1, Secrets.digestCode(code));
                statement.setString(2, user.toString());
                statement.setLong(3, now.plus(validFor).toEpochMilli());
                statement.executeUpdate();
            }
            return null;
        });
        return code;
    }

    /** Trades user name, password and a one-time code for a new device and its token. */
    public Enrolment enrol(String userName, char[] password, String code, String deviceName, Instant now) {
        return store.inTransaction(connection -> {
            UserRow user = user(connection, userName);
            if (user == null) {
                Secrets.passwordMatches(password, NOBODY);
                return new Enrolment.WrongCredentials();
            }
            if (user.lockedUntil != null && user.lockedUntil > now.toEpochMilli()) {
                return new Enrolment.LockedOut(Instant.ofEpochMilli(user.lockedUntil));
            }
            if (!Secrets.passwordMatches(password, user.passwordHash)) {
                Instant lockedUntil = countFailure(connection, user, now);
                return lockedUntil != null ? new Enrolment.LockedOut(lockedUntil) : new Enrolment.WrongCredentials();
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    UPDATE enrolment_code SET used_at = ?
                    WHERE code_hash = ? AND user_id = ? AND used_at IS NULL AND expires_at > ?""")) {
                statement.setLong(1, now.toEpochMilli());
                statement.setString(2, Secrets.digestCode(code == null ? "" : code));
                statement.setString(3, user.id.toString());
                statement.setLong(4, now.toEpochMilli());
                if (statement.executeUpdate() != 1) {
                    return new Enrolment.BadCode();
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = ?")) {
                statement.setString(1, user.id.toString());
                statement.executeUpdate();
            }
            UUID deviceId = UUID.randomUUID();
            String token = Secrets.newToken();
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO device (id, user_id, name, token_hash, enrolled_at) VALUES (?, ?, ?, ?, ?)")) {
                statement.setString(1, deviceId.toString());
                statement.setString(2, user.id.toString());
                statement.setString(3, deviceName == null || deviceName.isBlank() ? "laptop" : deviceName.trim());
                statement.setString(4, Secrets.digestToken(token));
                statement.setLong(5, now.toEpochMilli());
                statement.executeUpdate();
            }
            return new Enrolment.Enrolled(deviceId, token, user.coachId);
        });
    }

    /** The device and user behind a token, noting when it was last seen; empty for an unknown token. */
    public Optional<DeviceSession> authenticate(String token, Instant now) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return store.inTransaction(connection -> {
            DeviceSession session = null;
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT d.id, u.id, u.user_name, u.role, u.coach_id, d.revoked_at
                    FROM device d JOIN app_user u ON u.id = d.user_id WHERE d.token_hash = ?""")) {
                statement.setString(1, Secrets.digestToken(token));
                try (ResultSet row = statement.executeQuery()) {
                    if (row.next()) {
                        String coach = row.getString(5);
                        row.getLong(6);
                        boolean revoked = !row.wasNull();
                        session = new DeviceSession(UUID.fromString(row.getString(1)), UUID.fromString(row.getString(2)),
                                row.getString(3), Role.valueOf(row.getString(4)), coach == null ? null : UUID.fromString(coach),
                                revoked);
                    }
                }
            }
            if (session != null && !session.revoked()) {
                try (PreparedStatement statement = connection.prepareStatement("UPDATE device SET last_seen_at = ? WHERE id = ?")) {
                    statement.setLong(1, now.toEpochMilli());
                    statement.setString(2, session.deviceId().toString());
                    statement.executeUpdate();
                }
            }
            return Optional.ofNullable(session);
        });
    }

    /** Every device with its user and what it last reported, by user name and enrolment. */
    public List<DeviceInfo> devices() {
        return store.inReadTransaction(connection -> {
            List<DeviceInfo> devices = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT d.id, d.name, u.user_name, d.enrolled_at, d.last_seen_at, d.revoked_at, u.role, d.last_sync_at,
                           d.app_version, d.waiting_changes
                    FROM device d JOIN app_user u ON u.id = d.user_id ORDER BY u.user_name, d.enrolled_at""");
                 ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    int waiting = row.getInt(10);
                    Integer waitingChanges = row.wasNull() ? null : waiting;
                    devices.add(new DeviceInfo(UUID.fromString(row.getString(1)), row.getString(2), row.getString(3),
                            instant(row, 4), instant(row, 5), instant(row, 6), Role.valueOf(row.getString(7)), instant(row, 8),
                            row.getString(9), waitingChanges));
                }
            }
            return devices;
        });
    }

    /**
     * Notes a push or pull by this device, with what its app reported (null: not reported, the
     * earlier report stays): the office's device list shows it.
     */
    public void recordSync(UUID deviceId, String appVersion, Integer waitingChanges, Instant now) {
        store.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    UPDATE device SET last_sync_at = ?, app_version = COALESCE(?, app_version),
                    waiting_changes = COALESCE(?, waiting_changes) WHERE id = ?""")) {
                statement.setLong(1, now.toEpochMilli());
                statement.setString(2, appVersion);
                if (waitingChanges == null) {
                    statement.setNull(3, Types.INTEGER);
                } else {
                    statement.setInt(3, waitingChanges);
                }
                statement.setString(4, deviceId.toString());
                statement.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Opens an office session on an enrolled device: the device's user's password, checked and
     * counted against the same lockout as enrolment. The session lapses after {@code idle} unused.
     */
    public OfficeLogin openOfficeSession(DeviceSession device, char[] password, Duration idle, Instant now) {
        return store.inTransaction(connection -> {
            UserRow user = user(connection, device.userName());
            if (user == null) {
                return new OfficeLogin.WrongPassword();
            }
            if (user.lockedUntil != null && user.lockedUntil > now.toEpochMilli()) {
                return new OfficeLogin.LockedOut(Instant.ofEpochMilli(user.lockedUntil));
            }
            if (!Secrets.passwordMatches(password, user.passwordHash)) {
                Instant lockedUntil = countFailure(connection, user, now);
                return lockedUntil != null ? new OfficeLogin.LockedOut(lockedUntil) : new OfficeLogin.WrongPassword();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = ?")) {
                statement.setString(1, user.id.toString());
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM office_session WHERE expires_at <= ?")) {
                statement.setLong(1, now.toEpochMilli());
                statement.executeUpdate();
            }
            String token = Secrets.newToken();
            Instant expires = now.plus(idle);
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO office_session (token_hash, device_id, expires_at) VALUES (?, ?, ?)")) {
                statement.setString(1, Secrets.digestToken(token));
                statement.setString(2, device.deviceId().toString());
                statement.setLong(3, expires.toEpochMilli());
                statement.executeUpdate();
            }
            return new OfficeLogin.Opened(token, expires);
        });
    }

    /**
     * Whether the session is open on this device; if so it is kept open for another {@code idle}.
     * A session from another device, or one that lapsed, is not.
     */
    public boolean useOfficeSession(UUID deviceId, String session, Duration idle, Instant now) {
        if (session == null || session.isBlank()) {
            return false;
        }
        return store.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE office_session SET expires_at = ? WHERE token_hash = ? AND device_id = ? AND expires_at > ?")) {
                statement.setLong(1, now.plus(idle).toEpochMilli());
                statement.setString(2, Secrets.digestToken(session.trim()));
                statement.setString(3, deviceId.toString());
                statement.setLong(4, now.toEpochMilli());
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** The user's role, or empty for an unknown user name. */
    public Optional<Role> roleOf(String userName) {
        return store.inReadTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT role FROM app_user WHERE user_name = ?")) {
                statement.setString(1, userName == null ? "" : userName.trim());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(Role.valueOf(row.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /** Revokes a device: its token opens nothing any more, and the laptop wipes its data at its next contact. */
    public boolean revoke(UUID deviceId, Instant now) {
        return store.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE device SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                statement.setLong(1, now.toEpochMilli());
                statement.setString(2, deviceId.toString());
                boolean revoked = statement.executeUpdate() == 1;
                try (PreparedStatement sessions = connection.prepareStatement("DELETE FROM office_session WHERE device_id = ?")) {
                    sessions.setString(1, deviceId.toString());
                    sessions.executeUpdate();
                }
                return revoked;
            }
        });
    }

    /** Whether a device with this id is enrolled (revoked or not). */
    public boolean deviceExists(UUID deviceId) {
        return store.inReadTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM device WHERE id = ?")) {
                statement.setString(1, deviceId.toString());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** Counts a wrong password; the fifth in a row locks the user out. Returns until when, or null: not locked. */
    private static Instant countFailure(Connection connection, UserRow user, Instant now) throws SQLException {
        int failed = user.failedLogins + 1;
        boolean lock = failed >= MAX_FAILED_LOGINS;
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE app_user SET failed_logins = ?, locked_until = ? WHERE id = ?")) {
            statement.setInt(1, lock ? 0 : failed);
            if (lock) {
                statement.setLong(2, now.plus(LOCKOUT).toEpochMilli());
            } else {
                statement.setNull(2, Types.BIGINT);
            }
            statement.setString(3, user.id.toString());
            statement.executeUpdate();
        }
        return lock ? now.plus(LOCKOUT) : null;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private Optional<UUID> userId(Connection connection, String userName) throws SQLException {
        UserRow user = user(connection, userName);
        return Optional.ofNullable(user == null ? null : user.id);
    }

    private UserRow user(Connection connection, String userName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, coach_id, password_hash, failed_logins, locked_until FROM app_user WHERE user_name = ?")) {
            statement.setString(1, userName == null ? "" : userName.trim());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                String coach = row.getString(2);
                long locked = row.getLong(5);
                Long lockedUntil = row.wasNull() ? null : locked;
                return new UserRow(UUID.fromString(row.getString(1)), coach == null ? null : UUID.fromString(coach),
                        row.getString(3), row.getInt(4), lockedUntil);
            }
        }
    }

    private record UserRow(UUID id, UUID coachId, String passwordHash, int failedLogins, Long lockedUntil) {
    }
}
