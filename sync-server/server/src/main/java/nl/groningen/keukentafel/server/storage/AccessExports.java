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
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.AccessExport;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.server.domain.Actor;

/**
 * A resident's right of access (AVG art. 15) on the server: everything it holds about them, read in
 * one transaction with the audit entry that records the export, so the trail handed over includes it.
 */
final class AccessExports {

    private AccessExports() {
    }

    /** Everything held about the resident, or null: no such resident. */
    static AccessExport of(Connection connection, ObjectMapper json, UUID residentId, Actor actor, Instant at) throws SQLException {
        Resident resident;
        try (PreparedStatement statement = connection.prepareStatement("SELECT body FROM resident WHERE id = ?")) {
            statement.setString(1, residentId.toString());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                resident = read(json, row.getString(1), Resident.class);
            }
        }
        List<ContactAttempt> attempts = new ArrayList<>();
        List<Appointment> appointments = new ArrayList<>();
        List<Conversation> conversations = new ArrayList<>();
        List<Agreement> agreements = new ArrayList<>();
        List<Referral> referrals = new ArrayList<>();
        List<DevelopmentPlan> plans = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT kind, body FROM resident_record WHERE resident_id = ? ORDER BY kind, id")) {
            statement.setString(1, residentId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String body = rows.getString(2);
                    RecordKind kind = RecordKind.ofWireName(rows.getString(1))
                            .orElseThrow(() -> new StoreException("A record of a kind the server does not know", null));
                    switch (kind) {
                        case CONTACT_ATTEMPT -> attempts.add(read(json, body, ContactAttempt.class));
                        case APPOINTMENT -> appointments.add(read(json, body, Appointment.class));
                        case CONVERSATION -> conversations.add(read(json, body, Conversation.class));
                        case AGREEMENT -> agreements.add(read(json, body, Agreement.class));
                        case REFERRAL -> referrals.add(read(json, body, Referral.class));
                        case DEVELOPMENT_PLAN -> plans.add(read(json, body, DevelopmentPlan.class));
                        case CONFLICT -> conflicts.add(read(json, body, Conflict.class));
                        default -> throw new StoreException("A stored record of kind " + kind.wireName() + " cannot be", null);
                    }
                }
            }
        }
        AuditLog.append(connection, List.of(residentId.toString()), AuditAction.EXPORTED, actor, at);
        return new AccessExport(at, AccessExport.SERVER, resident, attempts, appointments, conversations, agreements, referrals,
                plans, conflicts, AuditLog.of(connection, residentId));
    }

    private static <T> T read(ObjectMapper json, String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
