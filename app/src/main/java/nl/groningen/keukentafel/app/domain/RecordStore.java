package nl.groningen.keukentafel.app.domain;

import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;

/**
 * Where the coach's changes are made durable. The local store implements it; the screens use
 * only this, so they never see SQL. Every method is one transaction: all of it is saved, or none.
 */
public interface RecordStore {

    void saveResident(Resident resident);

    /** A contact attempt and the resident's outreach status it changed, together. */
    void saveContactAttempt(ContactAttempt attempt, Resident resident);

    /** A conversation being written, saved as the coach types. */
    void saveDraft(ConversationDraft draft);

    /** The draft becomes a finalised conversation with its agreements and referrals; the resident is updated. */
    void finalise(ConversationDraft draft, Conversation finalised, Resident resident);

    void discardDraft(UUID conversationId);

    void saveAgreement(Agreement agreement);

    void saveReferral(Referral referral);

    void saveAppointment(Appointment appointment);

    /** The visit is off: gone here, and (as a delete) from the server and every other laptop. */
    void cancelAppointment(Appointment appointment);

    void savePlan(DevelopmentPlan plan);
}
