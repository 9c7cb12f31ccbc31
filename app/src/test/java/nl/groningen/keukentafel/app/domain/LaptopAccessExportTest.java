package nl.groningen.keukentafel.app.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.AccessExport;
import nl.groningen.keukentafel.demo.Dataset;
import org.junit.jupiter.api.Test;

/** The coach's access export holds every record the laptop has of the resident, and nothing of anyone else. */
class LaptopAccessExportTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));

    @Test
    void holdsEveryRecordOfTheResidentAndNothingOfTheOther() {
        Dataset demo = DemoProfile.dataset(CLOCK);
        Map<UUID, ResidentRecords> all = DemoProfile.recordsOf(demo, demo.residents());
        Resident a = demo.residents().stream()
                .filter(r -> !all.get(r.id()).conversations().isEmpty() && !all.get(r.id()).agreements().isEmpty()
                        && all.get(r.id()).plan() != null && !all.get(r.id()).contactAttempts().isEmpty())
                .findFirst().orElseThrow();
        Resident b = demo.residents().stream()
                .filter(r -> !r.id().equals(a.id()) && !all.get(r.id()).conversations().isEmpty())
                .findFirst().orElseThrow();
        Caseload caseload = new Caseload(List.of(a, b), DemoProfile.recordsOf(demo, List.of(a, b)));
        ResidentRecords ofA = caseload.recordsOf(a.id());
        Conflict conflictOfA = conflict(a.id());
        Conflict conflictOfB = conflict(b.id());
        Instant now = CLOCK.instant();

        AccessExport export = LaptopAccessExport.of(caseload, List.of(conflictOfA, conflictOfB), a.id(), now);

        assertThat(export.source()).isEqualTo(AccessExport.LAPTOP);
        assertThat(export.madeAt()).isEqualTo(now);
        assertThat(export.audit()).as("only the server keeps the audit trail").isEmpty();
        assertThat(export.resident()).isEqualTo(a);
        assertThat(export.contactAttempts()).extracting(ContactAttempt::id)
                .containsExactlyInAnyOrderElementsOf(ofA.contactAttempts().stream().map(ContactAttempt::id).toList());
        assertThat(export.appointments()).extracting(Appointment::id)
                .containsExactlyInAnyOrderElementsOf(ofA.appointments().stream().map(Appointment::id).toList());
        assertThat(export.conversations()).extracting(Conversation::id)
                .containsExactlyInAnyOrderElementsOf(ofA.conversations().stream().map(Conversation::id).toList());
        assertThat(export.agreements()).extracting(Agreement::id)
                .containsExactlyInAnyOrderElementsOf(ofA.agreements().stream().map(Agreement::id).toList());
        assertThat(export.referrals()).extracting(Referral::id)
                .containsExactlyInAnyOrderElementsOf(ofA.referrals().stream().map(Referral::id).toList());
        assertThat(export.developmentPlans()).extracting(DevelopmentPlan::id).containsExactly(ofA.plan().id());
        assertThat(export.conflicts()).containsExactly(conflictOfA);
        assertThat(export.recordCount()).isEqualTo(ofA.contactAttempts().size() + ofA.appointments().size()
                + ofA.conversations().size() + ofA.agreements().size() + ofA.referrals().size() + 1 + 1);

        assertThat(residentIds(export)).containsOnly(a.id());
        assertThat(export.toString()).doesNotContain(b.id().toString(), b.clientNumber(), b.surname());
    }

    @Test
    void aConversationBeingWrittenIsInTheExportWithWhatItAgrees() {
        Dataset demo = DemoProfile.dataset(CLOCK);
        Resident a = demo.residents().get(0);
        ResidentRecords records = DemoProfile.recordsOf(demo, List.of(a)).get(a.id());
        Conversation finalised = demo.conversations().stream().filter(c -> c.residentId().equals(a.id())).findFirst()
                .orElse(demo.conversations().get(0));
        Conversation draft = new Conversation(UUID.randomUUID(), a.id(), finalised.coachId(), finalised.date(),
                finalised.place(), 30, true, List.of(), "", "", null, List.of(), List.of(), "", null, null, 3,
                finalised.initiative(), nl.groningen.keukentafel.contract.ConversationStatus.DRAFT, null);
        ResidentRecords withDraft = records.withDraft(new ConversationDraft(draft, List.of(), List.of()));

        AccessExport export = LaptopAccessExport.of(a, withDraft, List.of(), CLOCK.instant());

        assertThat(export.conversations()).extracting(Conversation::id).contains(draft.id());
        assertThat(export.conversations()).hasSize(records.conversations().size() + 1);
    }

    private static List<UUID> residentIds(AccessExport export) {
        List<UUID> ids = new java.util.ArrayList<>();
        export.contactAttempts().forEach(x -> ids.add(x.residentId()));
        export.appointments().forEach(x -> ids.add(x.residentId()));
        export.conversations().forEach(x -> ids.add(x.residentId()));
        export.agreements().forEach(x -> ids.add(x.residentId()));
        export.referrals().forEach(x -> ids.add(x.residentId()));
        export.developmentPlans().forEach(x -> ids.add(x.residentId()));
        export.conflicts().forEach(x -> ids.add(x.residentId()));
        return ids;
    }

    private static Conflict conflict(UUID residentId) {
        return new Conflict(UUID.randomUUID(), residentId, "agreement", UUID.randomUUID(), "due_date",
                TextNode.valueOf("2026-12-01"), TextNode.valueOf("2026-12-15"), CLOCK.instant());
    }
}
