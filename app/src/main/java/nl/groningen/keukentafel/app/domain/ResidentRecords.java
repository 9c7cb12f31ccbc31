package nl.groningen.keukentafel.app.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Referral;

/** Everything recorded about one resident besides their details. Immutable: changes make a new one. */
public record ResidentRecords(
        List<ContactAttempt> contactAttempts,
        List<Appointment> appointments,
        List<Conversation> conversations,
        List<Agreement> agreements,
        List<Referral> referrals,
        DevelopmentPlan plan,
        List<ConversationDraft> drafts) {

    public static final ResidentRecords NONE =
            new ResidentRecords(List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of());

    public ResidentRecords {
        contactAttempts = List.copyOf(contactAttempts);
        appointments = List.copyOf(appointments);
        conversations = List.copyOf(conversations);
        agreements = List.copyOf(agreements);
        referrals = List.copyOf(referrals);
        drafts = List.copyOf(drafts);
    }

    public boolean hasOpenAgreements() {
        return agreements.stream().anyMatch(a -> a.status() == AgreementStatus.OPEN);
    }

    public Optional<ConversationDraft> draft() {
        return drafts.stream().findFirst();
    }

    public ResidentRecords withAttempt(ContactAttempt attempt) {
        return new ResidentRecords(plus(contactAttempts, attempt), appointments, conversations, agreements, referrals, plan, drafts);
    }

    public ResidentRecords withAppointment(Appointment appointment) {
        return new ResidentRecords(contactAttempts, replace(appointments, appointment, Appointment::id), conversations,
                agreements, referrals, plan, drafts);
    }

    public ResidentRecords withoutAppointment(UUID appointmentId) {
        return new ResidentRecords(contactAttempts, appointments.stream().filter(a -> !a.id().equals(appointmentId)).toList(),
                conversations, agreements, referrals, plan, drafts);
    }

    public ResidentRecords withDraft(ConversationDraft draft) {
        return new ResidentRecords(contactAttempts, appointments, conversations, agreements, referrals, plan, List.of(draft));
    }

    /** The draft is gone; its conversation, agreements and referrals are on record. */
    public ResidentRecords withFinalised(Conversation conversation, List<Agreement> newAgreements, List<Referral> newReferrals) {
        List<Agreement> allAgreements = new ArrayList<>(agreements);
        allAgreements.addAll(newAgreements);
        List<Referral> allReferrals = new ArrayList<>(referrals);
        allReferrals.addAll(newReferrals);
        List<ConversationDraft> remaining = drafts.stream()
                .filter(d -> !d.conversation().id().equals(conversation.id())).toList();
        return new ResidentRecords(contactAttempts, appointments, plus(conversations, conversation), allAgreements,
                allReferrals, plan, remaining);
    }

    public ResidentRecords withAgreement(Agreement agreement) {
        return new ResidentRecords(contactAttempts, appointments, conversations, replace(agreements, agreement, Agreement::id),
                referrals, plan, drafts);
    }

    public ResidentRecords withReferral(Referral referral) {
        return new ResidentRecords(contactAttempts, appointments, conversations, agreements,
                replace(referrals, referral, Referral::id), plan, drafts);
    }

    public ResidentRecords withPlan(DevelopmentPlan newPlan) {
        return new ResidentRecords(contactAttempts, appointments, conversations, agreements, referrals, newPlan, drafts);
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> replace(List<T> list, T item, Function<T, UUID> id) {
        List<T> copy = new ArrayList<>(list);
        copy.removeIf(existing -> id.apply(existing).equals(id.apply(item)));
        copy.add(item);
        return copy;
    }
}
