package nl.groningen.keukentafel.server.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.office.ResidentPage;
import nl.groningen.keukentafel.contract.office.ResidentSummary;
import nl.groningen.keukentafel.server.domain.Actor;
import nl.groningen.keukentafel.server.domain.Assignment;

/**
 * The residents as the office finds and assigns them: a search by name or client number, wijk and
 * coach, and moving many residents to a coach at once (each with {@link ResidentMoves#assign}).
 */
public final class OfficeResidents {

    /** The coach filter for residents who have no coach yet. */
    public static final String NO_COACH = "none";

    private final ServerStore store;
    private final ObjectMapper json = Json.mapper();

    OfficeResidents(ServerStore store) {
        this.store = store;
    }

    /**
     * Residents whose name or client number contains {@code text} (any case; null: all), in this
     * wijk (null: any) and with this coach (null: any, {@link #NO_COACH}: none), in client-number
     * order, {@code limit} from {@code offset}. Names live in the record's JSON, so the text is
     * matched here rather than in SQL; the office's whole city is some 11,000 residents.
     */
    public ResidentPage search(String text, String wijk, String coach, int offset, int limit) {
        return search(text, wijk, coach, offset, limit, null, null);
    }

    /**
     * As {@link #search(String, String, String, int, int)}, shown to this user at the office: every
     * resident on the page gets an audit entry ({@code viewed}), committed before the page is returned.
     */
    public ResidentPage search(String text, String wijk, String coach, int offset, int limit, Actor actor, Instant at) {
        ResidentPage page = read(text, wijk, coach, offset, limit);
        if (actor != null && !page.residents().isEmpty()) {
            store.inTransaction(connection -> {
                AuditLog.append(connection, page.residents().stream().map(r -> r.id().toString()).toList(), AuditAction.VIEWED, actor, at);
                return null;
            });
        }
        return page;
    }

    /** One resident as the office lists them, or null: no such resident. */
    ResidentSummary summary(Connection connection, UUID residentId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT r.body, c.name FROM resident r LEFT JOIN coach c ON c.id = r.coach_id WHERE r.id = ?")) {
            statement.setString(1, residentId.toString());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Resident resident = json.readValue(row.getString(1), Resident.class);
                return new ResidentSummary(resident.id(), resident.clientNumber(), name(resident), resident.wijk(),
                        resident.coachId(), row.getString(2));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private ResidentPage read(String text, String wijk, String coach, int offset, int limit) {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return store.inReadTransaction(connection -> {
            Map<String, String> coachNames = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, name FROM coach");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    coachNames.put(rows.getString(1), rows.getString(2));
                }
            }
            String sql = "SELECT body FROM resident"
                    + (coach == null ? "" : NO_COACH.equals(coach) ? " WHERE coach_id IS NULL" : " WHERE coach_id = ?")
                    + " ORDER BY client_number";
            List<ResidentSummary> page = new ArrayList<>();
            int total = 0;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (coach != null && !NO_COACH.equals(coach)) {
                    statement.setString(1, coach);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Resident resident = json.readValue(rows.getString(1), Resident.class);
                        String name = name(resident);
                        if (wijk != null && !wijk.isBlank() && !wijk.trim().equalsIgnoreCase(resident.wijk())) {
                            continue;
                        }
                        if (!needle.isEmpty() && !name.toLowerCase(Locale.ROOT).contains(needle)
                                && !resident.clientNumber().toLowerCase(Locale.ROOT).contains(needle)) {
                            continue;
                        }
                        if (total >= offset && page.size() < limit) {
                            String coachId = resident.coachId() == null ? null : resident.coachId().toString();
                            page.add(new ResidentSummary(resident.id(), resident.clientNumber(), name, resident.wijk(),
                                    resident.coachId(), coachId == null ? null : coachNames.get(coachId)));
                        }
                        total++;
                    }
                }
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            return new ResidentPage(page, total, offset, limit);
        });
    }

    /**
     * Moves these residents to the coach in one transaction: all or, when a resident or the coach
     * is unknown, none (the answer names what was unknown).
     */
    public Assignment assign(List<UUID> residentIds, UUID coachId, Instant at) {
        return assign(residentIds, coachId, Actor.SERVER, at);
    }

    /** As {@link #assign(List, UUID, Instant)}, by this user: every resident moved gets an audit entry ({@code moved}). */
    public Assignment assign(List<UUID> residentIds, UUID coachId, Actor actor, Instant at) {
        Set<UUID> ids = new LinkedHashSet<>(residentIds);
        return store.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM coach WHERE id = ?")) {
                statement.setString(1, coachId.toString());
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Assignment.unknownCoach();
                    }
                }
            }
            Map<UUID, String> coachOf = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT coach_id FROM resident WHERE id = ?")) {
                for (UUID id : ids) {
                    statement.setString(1, id.toString());
                    try (ResultSet row = statement.executeQuery()) {
                        if (row.next()) {
                            coachOf.put(id, row.getString(1));
                        }
                    }
                }
            }
            int unknown = ids.size() - coachOf.size();
            if (unknown > 0) {
                return Assignment.unknownResidents(unknown);
            }
            List<String> moved = new ArrayList<>();
            for (UUID id : ids) {
                if (coachId.toString().equals(coachOf.get(id))) {
                    continue;
                }
                ResidentMoves.assign(connection, json, id, coachId, at);
                moved.add(id.toString());
            }
            AuditLog.append(connection, moved, AuditAction.MOVED, actor, at);
            return new Assignment(true, moved.size(), ids.size() - moved.size(), 0);
        });
    }

    private static String name(Resident resident) {
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {resident.givenName(), resident.surnamePrefix(), resident.surname()}) {
            if (part != null && !part.isBlank()) {
                name.append(name.length() == 0 ? "" : " ").append(part.trim());
            }
        }
        return name.toString();
    }
}
