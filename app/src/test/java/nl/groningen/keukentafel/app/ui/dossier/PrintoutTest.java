package nl.groningen.keukentafel.app.ui.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.ui.RecordingNavigator;
import nl.groningen.keukentafel.app.ui.TestSession;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printout for the resident: their plan and open agreements in plain Dutch, and nothing more. */
class PrintoutTest {

    @TempDir
    Path folder;

    @Test
    void thePdfHoldsThePlanAndOpenAgreementsButNoOtherPersonalData() throws Exception {
        TestSession test = new TestSession();
        Dataset demo = TestSession.demo();
        Caseload caseload = test.caseload();
        Resident resident = demo.residents().stream()
                .filter(r -> caseload.recordsOf(r.id()).plan() != null && caseload.recordsOf(r.id()).hasOpenAgreements())
                .findFirst().orElseThrow();
        ResidentRecords records = caseload.recordsOf(resident.id());
        DossierViewModel model = new DossierViewModel(test.session(), resident.id(), new RecordingNavigator());
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
        assertThat(test.store().written()).as("printing writes nothing to the coach's records").isEmpty();
    }

    @Test
    void thePdfsProposedNameHoldsTheDateAndNoPartOfTheResidentsName() {
        TestSession test = new TestSession();
        Resident resident = TestSession.demo().residents().get(0);
        DossierViewModel model = new DossierViewModel(test.session(), resident.id(), new RecordingNavigator());

        String name = model.suggestedPrintName();

        assertThat(name).isEqualTo("ontwikkelplan-" + test.session().today() + ".pdf");
        assertThat(name.toLowerCase(java.util.Locale.ROOT)).doesNotContain(resident.surname().toLowerCase(java.util.Locale.ROOT),
                resident.givenName().toLowerCase(java.util.Locale.ROOT), resident.clientNumber());
    }

    @Test
    void aFolderThatCannotBeWrittenGivesAClearMessage() {
        TestSession test = new TestSession();
        DossierViewModel model = new DossierViewModel(test.session(), TestSession.demo().residents().get(0).id(),
                new RecordingNavigator());

        model.printTo(folder.resolve("no-such-folder").resolve("plan.pdf"));

        assertThat(model.messageProperty().get()).startsWith("De afdruk kon niet worden opgeslagen.");
        assertThat(test.store().written()).as("printing writes nothing to the coach's records").isEmpty();
    }
}
