package nl.groningen.keukentafel.app.ui.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import java.util.Map;
import java.util.UUID;
import nl.groningen.keukentafel.app.DemoProfile;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.RecordStore;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.Navigator;
import nl.groningen.keukentafel.app.ui.SameThreadTasks;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printout for the resident: their plan and open agreements in plain Dutch, and nothing more. */
class PrintoutTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));

    @TempDir
    Path folder;

    @Test
    void thePdfHoldsThePlanAndOpenAgreementsButNoOtherPersonalData() throws Exception {
        Dataset demo = DemoProfile.dataset(CLOCK);
        Caseload caseload = new Caseload(demo.residents(), DemoProfile.recordsOf(demo, demo.residents()));
        Resident resident = demo.residents().stream()
                .filter(r -> caseload.recordsOf(r.id()).plan() != null && caseload.recordsOf(r.id()).hasOpenAgreements())
                .findFirst().orElseThrow();
        ResidentRecords records = caseload.recordsOf(resident.id());
        CoachSession session = new CoachSession(demo.coaches().get(0), caseload, new RefusingStore(), ReferenceData.standard(),
                demo.socialMap(), CLOCK, new SameThreadTasks(), Messages.forLocale(Messages.DUTCH), () -> { }, Map::of);
        DossierViewModel model = new DossierViewModel(session, resident.id(), new NowhereNavigator());
        Path file = folder.resolve(model.suggestedPrintName());

        model.printTo(file);
        // A copy to look at (target/printout-voorbeeld.pdf): reviewers open it, the build does not need it.
        Files.copy(file, Path.of("target", "printout-voorbeeld.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(model.messageProperty().get()).isEqualTo("Afdruk opgeslagen: " + file.getFileName());
        String text;
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(file))) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Mijn ontwikkelplan en afspraken", resident.fullName(), "Mijn doelen",
                "Wat we hebben afgesproken", "Coach: " + demo.coaches().get(0).name(), "Dit plan is van u.");
        records.plan().goals().forEach(goal -> assertThat(text).contains(goal.goal()));
        records.agreements().stream().filter(a -> a.status() == AgreementStatus.OPEN)
                .forEach(a -> assertThat(text).contains(a.description()));
        assertThat(text).doesNotContain(resident.clientNumber(), resident.phone(), resident.street());
        assertThat(file.getFileName().toString()).startsWith("ontwikkelplan-" + resident.surname()).endsWith(".pdf");
    }

    @Test
    void aFolderThatCannotBeWrittenGivesAClearMessage() {
        Dataset demo = DemoProfile.dataset(CLOCK);
        Caseload caseload = new Caseload(demo.residents(), DemoProfile.recordsOf(demo, demo.residents()));
        CoachSession session = new CoachSession(demo.coaches().get(0), caseload, new RefusingStore(), ReferenceData.standard(),
                demo.socialMap(), CLOCK, new SameThreadTasks(), Messages.forLocale(Messages.DUTCH), () -> { }, Map::of);
        DossierViewModel model = new DossierViewModel(session, demo.residents().get(0).id(), new NowhereNavigator());

        model.printTo(folder.resolve("no-such-folder").resolve("plan.pdf"));

        assertThat(model.messageProperty().get()).startsWith("De afdruk kon niet worden opgeslagen.");
    }

    /** Printing writes nothing to the coach's records. */
    private static final class RefusingStore implements RecordStore {
        @Override public void saveResident(Resident resident) { throw new AssertionError("no write expected"); }
        @Override public void saveContactAttempt(ContactAttempt attempt, Resident resident) { throw new AssertionError(); }
        @Override public void saveDraft(ConversationDraft draft) { throw new AssertionError(); }
        @Override public void finalise(ConversationDraft draft, Conversation finalised, Resident resident) { throw new AssertionError(); }
        @Override public void discardDraft(UUID conversationId) { throw new AssertionError(); }
        @Override public void saveAgreement(Agreement agreement) { throw new AssertionError(); }
        @Override public void saveReferral(Referral referral) { throw new AssertionError(); }
        @Override public void saveAppointment(Appointment appointment) { throw new AssertionError(); }
        @Override public void savePlan(DevelopmentPlan plan) { throw new AssertionError(); }
    }

    private static final class NowhereNavigator implements Navigator {
        @Override public void showToday() { }
        @Override public void showCaseload() { }
        @Override public void showSocialMap() { }
        @Override public void showDossier(UUID residentId) { }
        @Override public void showConversation(UUID residentId) { }
    }

}
