package nl.groningen.keukentafel.app.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.AccessExport;

/**
 * The right-of-access export a coach makes from the dossier: everything this laptop holds about one
 * resident (the finalised records, a conversation still being written with what it agrees, the plan,
 * the fields in conflict) and nothing of anyone else. No audit trail: only the server keeps that.
 * Reads only what is in memory from the local store, so it works offline.
 */
public final class LaptopAccessExport {

    private LaptopAccessExport() {
    }

    /** The export of the resident {@code residentId} in {@code caseload}, with their conflicts from {@code conflicts}. */
    public static AccessExport of(Caseload caseload, List<Conflict> conflicts, UUID residentId, Instant madeAt) {
        Resident resident = caseload.resident(residentId).orElseThrow(
                () -> new IllegalArgumentException("No such resident on this laptop"));
        return of(resident, caseload.recordsOf(residentId), conflicts, madeAt);
    }

    /** The export of {@code resident} with their {@code records}; conflicts of other residents are left out. */
    public static AccessExport of(Resident resident, ResidentRecords records, List<Conflict> conflicts, Instant madeAt) {
        UUID id = resident.id();
        List<Conversation> conversations = new ArrayList<>(records.conversations());
        List<Agreement> agreements = new ArrayList<>(records.agreements());
        List<Referral> referrals = new ArrayList<>(records.referrals());
        for (ConversationDraft draft : records.drafts()) {
            conversations.add(draft.conversation());
            agreements.addAll(draft.agreements());
            referrals.addAll(draft.referrals());
        }
        return new AccessExport(madeAt, AccessExport.LAPTOP, resident,
                mine(records.contactAttempts(), id, a -> a.residentId()),
                mine(records.appointments(), id, a -> a.residentId()),
                mine(conversations, id, Conversation::residentId),
                mine(agreements, id, Agreement::residentId),
                mine(referrals, id, Referral::residentId),
                records.plan() == null || !id.equals(records.plan().residentId()) ? List.of() : List.of(records.plan()),
                mine(conflicts, id, Conflict::residentId),
                List.of());
    }

    /** Only the resident's own (the records are theirs already; this guards against a mix-up). */
    private static <T> List<T> mine(List<T> items, UUID residentId, java.util.function.Function<T, UUID> owner) {
        return items.stream().filter(item -> residentId.equals(owner.apply(item))).toList();
    }
}
