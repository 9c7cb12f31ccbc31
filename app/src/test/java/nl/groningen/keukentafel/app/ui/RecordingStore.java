package nl.groningen.keukentafel.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.RecordStore;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;

/**
 * A {@link RecordStore} for view-model tests that keeps what was written, in order, or refuses
 * every write (as a full disk would) while told to.
 */
public final class RecordingStore implements RecordStore {

    private final List<Object> written = new ArrayList<>();
    private boolean failing;

    /** From now on every write fails. */
    public RecordingStore failing() {
        this.failing = true;
        return this;
    }

    /** From now on writes succeed again (the disk has room). */
    public void recovered() {
        this.failing = false;
    }

    /** Everything written so far, in order (a contact attempt and a finalisation are each one entry). */
    public List<Object> written() {
        return written;
    }

    /** What was written of one kind, in order. */
    public <T> List<T> written(Class<T> kind) {
        return written.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** A conversation finalised with its draft and the resident it changed. */
    public record Finalised(ConversationDraft draft, Conversation conversation, Resident resident) {
    }

    /** A contact attempt with the resident it changed. */
    public record Attempt(ContactAttempt attempt, Resident resident) {
    }

    /** A draft thrown away. */
    public record Discarded(UUID conversationId) {
    }

    private void write(Object record) {
        if (failing) {
            throw new IllegalStateException("The test's disk is full");
        }
        written.add(record);
    }

    @Override public void saveResident(Resident resident) { write(resident); }
    @Override public void saveContactAttempt(ContactAttempt attempt, Resident resident) { write(new Attempt(attempt, resident)); }
    @Override public void saveDraft(ConversationDraft draft) { write(draft); }
    @Override public void finalise(ConversationDraft draft, Conversation finalised, Resident resident) {
        write(new Finalised(draft, finalised, resident));
    }
    @Override public void discardDraft(UUID conversationId) { write(new Discarded(conversationId)); }
    @Override public void saveAgreement(Agreement agreement) { write(agreement); }
    @Override public void saveReferral(Referral referral) { write(referral); }
    @Override public void saveAppointment(Appointment appointment) { write(appointment); }
    @Override public void cancelAppointment(Appointment appointment) { write(appointment); }
    @Override public void savePlan(DevelopmentPlan plan) { write(plan); }
}
