package nl.groningen.keukentafel.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.FinalisedConversationException;
import nl.groningen.keukentafel.app.domain.RecordStore;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.RecordKind;

/**
 * The coach's saves: each one transaction that waits for the disk, writing the sealed rows and
 * queueing the change in the outbox together (a draft stays on the laptop, unqueued).
 */
public final class RecordWriter implements RecordStore {

    private final LocalDatabase database;
    private final SealedRecords records;
    private final OutboxTable outbox;
    private final ObjectMapper json;

    RecordWriter(LocalDatabase database, SealedRecords records, OutboxTable outbox, ObjectMapper json) {
        this.database = database;
        this.records = records;
        this.outbox = outbox;
        this.json = json;
    }

    /** Stores a resident's details (new or changed). */
    @Override
    public void saveResident(Resident resident) {
        database.inTransaction(() -> putResident(resident, true));
    }

    /**
     * Stores residents with all their records in one transaction: a first fill of the laptop
     * (demo data now, the first sync later).
     */
    public void saveCaseload(Collection<Resident> residents, Map<UUID, ResidentRecords> records) {
        database.inTransaction(() -> {
            for (Resident resident : residents) {
                putResident(resident, false);
            }
            for (Map.Entry<UUID, ResidentRecords> entry : records.entrySet()) {
                UUID residentId = entry.getKey();
                ResidentRecords r = entry.getValue();
                for (ContactAttempt a : r.contactAttempts()) {
                    putRecord(StoredKind.of(RecordKind.CONTACT_ATTEMPT), a.id(), residentId, a, false);
                }
                for (Appointment a : r.appointments()) {
                    putRecord(StoredKind.of(RecordKind.APPOINTMENT), a.id(), residentId, a, false);
                }
                for (Conversation c : r.conversations()) {
                    putRecord(StoredKind.of(RecordKind.CONVERSATION), c.id(), residentId, c, false);
                }
                for (ConversationDraft d : r.drafts()) {
                    putRecord(StoredKind.DRAFT, d.conversation().id(), residentId, d, false);
                }
                for (Agreement a : r.agreements()) {
                    putRecord(StoredKind.of(RecordKind.AGREEMENT), a.id(), residentId, a, false);
                }
                for (Referral x : r.referrals()) {
                    putRecord(StoredKind.of(RecordKind.REFERRAL), x.id(), residentId, x, false);
                }
                if (r.plan() != null) {
                    putRecord(StoredKind.of(RecordKind.DEVELOPMENT_PLAN), r.plan().id(), residentId, r.plan(), false);
                }
            }
        });
    }

    /** A contact attempt and the resident's outreach status it changed, together. */
    @Override
    public void saveContactAttempt(ContactAttempt attempt, Resident resident) {
        database.inTransaction(() -> {
            putResident(resident, true);
            putRecord(StoredKind.of(RecordKind.CONTACT_ATTEMPT), attempt.id(), attempt.residentId(), attempt, true);
        });
    }

    /** Saves a conversation being written; called as the coach types. */
    @Override
    public void saveDraft(ConversationDraft draft) {
        database.inTransaction(() -> putRecord(StoredKind.DRAFT, draft.conversation().id(), draft.conversation().residentId(), draft, true));
    }

    /**
     * Turns a draft into a finalised conversation with its agreements and referrals, and updates
     * the resident (outreach status, term, next contact), all in one transaction.
     */
    @Override
    public void finalise(ConversationDraft draft, Conversation finalised, Resident resident) {
        if (finalised.status() != ConversationStatus.FINALISED || !finalised.id().equals(draft.conversation().id())) {
            throw new IllegalArgumentException("Finalise the draft's own conversation");
        }
        database.inTransaction(() -> {
            if (records.existingKind(finalised.id()) == StoredKind.of(RecordKind.CONVERSATION)) {
                throw new FinalisedConversationException();
            }
            records.delete(finalised.id());
            putResident(resident, true);
            putRecord(StoredKind.of(RecordKind.CONVERSATION), finalised.id(), finalised.residentId(), finalised, true);
            for (Agreement a : draft.agreements()) {
                putRecord(StoredKind.of(RecordKind.AGREEMENT), a.id(), a.residentId(), a, true);
            }
            for (Referral r : draft.referrals()) {
                putRecord(StoredKind.of(RecordKind.REFERRAL), r.id(), r.residentId(), r, true);
            }
        });
    }

    /** Throws away a draft that was never finalised. */
    @Override
    public void discardDraft(UUID conversationId) {
        database.inTransaction(() -> {
            if (records.existingKind(conversationId) == StoredKind.DRAFT) {
                records.delete(conversationId);
            }
        });
    }

    @Override
    public void saveAgreement(Agreement agreement) {
        database.inTransaction(() -> putRecord(StoredKind.of(RecordKind.AGREEMENT), agreement.id(), agreement.residentId(), agreement, true));
    }

    @Override
    public void saveReferral(Referral referral) {
        database.inTransaction(() -> putRecord(StoredKind.of(RecordKind.REFERRAL), referral.id(), referral.residentId(), referral, true));
    }

    @Override
    public void saveAppointment(Appointment appointment) {
        database.inTransaction(() -> putRecord(StoredKind.of(RecordKind.APPOINTMENT), appointment.id(), appointment.residentId(), appointment, true));
    }

    @Override
    public void cancelAppointment(Appointment appointment) {
        database.inTransaction(() -> {
            records.delete(appointment.id());
            outbox.queue(StoredKind.of(RecordKind.APPOINTMENT).code(), appointment.id(), appointment.residentId(), null, null);
        });
    }

    @Override
    public void savePlan(DevelopmentPlan plan) {
        database.inTransaction(() -> putRecord(StoredKind.of(RecordKind.DEVELOPMENT_PLAN), plan.id(), plan.residentId(), plan, true));
    }

    // ---- in the caller's transaction -----------------------------------------------------------

    private void putResident(Resident resident, boolean queue) throws SQLException {
        putResidentBody(resident.id(), json.valueToTree(resident), queue);
    }

    /** Stores a resident's body; {@code queue}: also as a change in the outbox, with the stored body as its base. */
    void putResidentBody(UUID residentId, JsonNode body, boolean queue) throws SQLException {
        String id = residentId.toString();
        if (queue) {
            outbox.queue(SealedRecords.RESIDENT, residentId, residentId, body, records.residentBody(id));
        }
        records.putResident(id, body);
    }

    private void putRecord(StoredKind kind, UUID id, UUID residentId, Object record, boolean queue) throws SQLException {
        if (kind == StoredKind.DRAFT && records.existingKind(id) == StoredKind.of(RecordKind.CONVERSATION)) {
            throw new FinalisedConversationException();
        }
        putRecordBody(kind, id, residentId, json.valueToTree(record), queue && kind.synced());
    }

    /** Stores a record's body; {@code queue}: also as a change in the outbox, based on the stored body of the same kind. */
    void putRecordBody(StoredKind kind, UUID id, UUID residentId, JsonNode body, boolean queue) throws SQLException {
        String key = id.toString();
        if (queue) {
            StoredKind before = records.existingKind(id);
            outbox.queue(kind.code(), id, residentId, body, before == kind ? records.recordBody(kind.code(), key) : null);
        }
        records.putRecord(kind, key, residentId.toString(), body);
    }
}
