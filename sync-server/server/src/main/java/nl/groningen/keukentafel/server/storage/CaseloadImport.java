package nl.groningen.keukentafel.server.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.server.domain.Actor;
import nl.groningen.keukentafel.server.domain.CaseloadImportResult;
import nl.groningen.keukentafel.server.domain.CaseloadProblem;
import nl.groningen.keukentafel.server.domain.CaseloadRow;
import nl.groningen.keukentafel.server.domain.Role;

/**
 * Stores a checked caseload file in one transaction: new client numbers become residents, known
 * ones get the file's contact details. Every stored resident is logged in {@code change_log} with
 * a sequence number from {@code sync_counter}, as pushed changes are, so the coach's laptop pulls
 * it. If any row has a problem (from the file, or a coach the database does not know) nothing is
 * stored and every problem is returned.
 */
public final class CaseloadImport {

    private final ServerStore store;
    private final ObjectMapper json = Json.mapper();

    public CaseloadImport(ServerStore store) {
        this.store = store;
    }

    /**
     * @param rows          the file's checked rows
     * @param fileProblems  what was wrong in the file already: with any, nothing is stored, but
     *                      the coaches are still checked so the office sees every problem at once
     * @param defaultCoach  a coach user name or coach id for rows that name none; null for none
     * @param dryRun        check everything and say what would change, store nothing
     */
    public CaseloadImportResult run(List<CaseloadRow> rows, List<CaseloadProblem> fileProblems, String defaultCoach,
                                    boolean dryRun) {
        return run(rows, fileProblems, defaultCoach, dryRun, Actor.SERVER, Instant.now());
    }

    /** As {@link #run(List, List, String, boolean)}, by this user: every resident added or changed gets an audit entry ({@code imported}). */
    public CaseloadImportResult run(List<CaseloadRow> rows, List<CaseloadProblem> fileProblems, String defaultCoach,
                                    boolean dryRun, Actor actor, Instant at) {
        return store.inTransaction(connection -> {
            List<CaseloadProblem> problems = new ArrayList<>(fileProblems);
            Map<String, Optional<UUID>> coaches = new HashMap<>();
            UUID fallback = null;
            if (defaultCoach != null) {
                fallback = coaches.computeIfAbsent(defaultCoach, ref -> coach(connection, ref)).orElse(null);
                if (fallback == null) {
                    problems.add(new CaseloadProblem(0, "--coach '" + defaultCoach + "' is geen coach-gebruiker en geen coach-id"));
                }
            }
            List<Resident> added = new ArrayList<>();
            List<Resident> updated = new ArrayList<>();
            int unchanged = 0;
            int withoutCoach = 0;
            int coachNotChanged = 0;
            Map<String, LocalDate> leftGroup = new LinkedHashMap<>(); // resident id to the day they left
            for (CaseloadRow row : rows) {
                UUID coach = fallback;
                if (row.coach() != null) {
                    coach = coaches.computeIfAbsent(row.coach(), ref -> coach(connection, ref)).orElse(null);
                    if (coach == null) {
                        problems.add(new CaseloadProblem(row.line(), "coach", "coach '" + row.coach() + "' is geen coach-gebruiker en geen coach-id"));
                        continue;
                    }
                }
                Resident existing = residentByClientNumber(connection, row.clientNumber());
                if (existing == null) {
                    Resident resident = row.newResident(UUID.randomUUID(), coach);
                    added.add(resident);
                    if (row.leftGroupOn() != null) {
                        leftGroup.put(resident.id().toString(), row.leftGroupOn());
                    }
                    withoutCoach += coach == null ? 1 : 0;
                    continue;
                }
                if (row.leftGroupOn() != null) {
                    leftGroup.put(existing.id().toString(), row.leftGroupOn());
                }
                if (coach != null && !coach.equals(existing.coachId())) {
                    coachNotChanged++;
                }
                Resident changed = row.contactDetailsOnto(existing);
                if (changed.equals(existing)) {
                    unchanged++;
                } else {
                    updated.add(changed);
                }
            }
            if (!problems.isEmpty()) {
                problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
                return CaseloadImportResult.refused(problems);
            }
            if (!dryRun) {
                store(connection, added, updated);
                markLeft(connection, leftGroup);
                List<String> touched = new ArrayList<>();
                added.forEach(r -> touched.add(r.id().toString()));
                updated.forEach(r -> touched.add(r.id().toString()));
                touched.addAll(leftGroup.keySet());
                AuditLog.append(connection, touched, AuditAction.IMPORTED, actor, at);
            }
            return new CaseloadImportResult(List.of(), added.size(), updated.size(), unchanged, withoutCoach, coachNotChanged,
                    leftGroup.size());
        });
    }

    /** Stores the residents, their report facts and their log entries; each body serialised once for all three. */
    private void store(Connection connection, List<Resident> added, List<Resident> updated) throws SQLException {
        Map<String, String> bodies = new LinkedHashMap<>(); // by resident id; a resident is added or updated, never both
        added.forEach(resident -> bodies.put(resident.id().toString(), toJson(resident)));
        updated.forEach(resident -> bodies.put(resident.id().toString(), toJson(resident)));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO resident (id, coach_id, client_number, body) VALUES (?, ?, ?, ?)")) {
            for (Resident resident : added) {
                insert.setString(1, resident.id().toString());
                insert.setString(2, resident.coachId() == null ? null : resident.coachId().toString());
                insert.setString(3, resident.clientNumber());
                insert.setString(4, bodies.get(resident.id().toString()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE resident SET body = ? WHERE id = ?")) {
            for (Resident resident : updated) {
                update.setString(1, bodies.get(resident.id().toString()));
                update.setString(2, resident.id().toString());
                update.addBatch();
            }
            update.executeBatch();
        }
        new ReportFacts(connection, json).residents(bodies.values());
        List<ChangeLog.Entry> entries = new ArrayList<>();
        for (Resident resident : added) {
            entries.add(logEntry(resident, bodies.get(resident.id().toString())));
        }
        for (Resident resident : updated) {
            entries.add(logEntry(resident, bodies.get(resident.id().toString())));
        }
        ChangeLog.append(connection, entries);
    }

    /**
     * Notes the day each resident left the group, on the server only (it is not in the resident's
     * record, so it never reaches a laptop): the retention job counts from it. An empty value in the
     * file leaves a day noted before as it is.
     */
    private static void markLeft(Connection connection, Map<String, LocalDate> leftGroup) throws SQLException {
        Batch.run(connection, "UPDATE resident SET left_group_on = ? WHERE id = ?", leftGroup.entrySet(), (statement, left) -> {
            statement.setString(1, left.getValue().toString());
            statement.setString(2, left.getKey());
        });
    }

    /** A stored resident as logged for its coach's laptops. */
    private static ChangeLog.Entry logEntry(Resident resident, String body) {
        return new ChangeLog.Entry(UUID.randomUUID(), RecordKind.RESIDENT.wireName(), resident.id().toString(),
                resident.id().toString(), false, body, resident.coachId() == null ? null : resident.coachId().toString());
    }

    /** The coach a reference names: a coach user's user name, or a coach's id. */
    private static Optional<UUID> coach(Connection connection, String reference) {
        try {
            UUID id = parseUuid(reference);
            String sql = id != null ? "SELECT id FROM coach WHERE id = ?"
                    : "SELECT coach_id FROM app_user WHERE user_name = ? AND role = ? AND coach_id IS NOT NULL";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, id != null ? id.toString() : reference);
                if (id == null) {
                    statement.setString(2, Role.COACH.name());
                }
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(UUID.fromString(row.getString(1))) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("The coach could not be looked up", e);
        }
    }

    private Resident residentByClientNumber(Connection connection, String clientNumber) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT body FROM resident WHERE client_number = ?")) {
            statement.setString(1, clientNumber);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? json.readValue(row.getString(1), Resident.class) : null;
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UUID parseUuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String toJson(Resident resident) {
        try {
            return json.writeValueAsString(resident);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
