package nl.groningen.keukentafel.server.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.server.domain.CoachInfo;

/**
 * The coaches in the server's database, each keeping a caseload in one area. Coaches do not travel
 * to laptops (a laptop learns only its own coach's id at enrolment), so adding one logs no change.
 */
public final class Coaches {

    private final ServerStore store;

    Coaches(ServerStore store) {
        this.store = store;
    }

    /**
     * Stores a new coach and returns it with its new id, for the {@code add-coach} command and the
     * office API alike. An area another coach already works in, in another case, is stored as that
     * coach has it, so one area is never counted as two in the reports.
     */
    public Coach add(String name, String area) {
        return store.inTransaction(connection -> {
            String known = area.trim();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT area FROM coach WHERE LOWER(area) = LOWER(?) ORDER BY area LIMIT 1")) {
                statement.setString(1, known);
                try (ResultSet row = statement.executeQuery()) {
                    if (row.next()) {
                        known = row.getString(1);
                    }
                }
            }
            Coach coach = new Coach(UUID.randomUUID(), name.trim(), known);
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO coach (id, name, area) VALUES (?, ?, ?)")) {
                statement.setString(1, coach.id().toString());
                statement.setString(2, coach.name());
                statement.setString(3, coach.area());
                statement.executeUpdate();
            }
            return coach;
        });
    }

    /** Whether a coach with this id exists. */
    public boolean exists(UUID id) {
        return store.inReadTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM coach WHERE id = ?")) {
                statement.setString(1, id.toString());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** The areas the coaches work in, in alphabetical order. */
    public List<String> areas() {
        return store.inReadTransaction(connection -> {
            List<String> areas = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT area FROM coach ORDER BY area");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    areas.add(rows.getString(1));
                }
            }
            return areas;
        });
    }

    /** Every coach by area and name, with the number of residents assigned and the users who keep the caseload. */
    public List<CoachInfo> list() {
        return store.inReadTransaction(connection -> {
            Map<String, List<String>> users = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT coach_id, user_name FROM app_user WHERE coach_id IS NOT NULL ORDER BY user_name");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    users.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            List<CoachInfo> coaches = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT c.id, c.name, c.area, (SELECT COUNT(*) FROM resident r WHERE r.coach_id = c.id)
                    FROM coach c ORDER BY c.area, c.name, c.id""");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    coaches.add(new CoachInfo(UUID.fromString(id), rows.getString(2), rows.getString(3), rows.getInt(4),
                            users.getOrDefault(id, List.of())));
                }
            }
            return coaches;
        });
    }
}
