package nl.groningen.keukentafel.app.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.domain.LaptopAccessExport;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.AccessExport;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.office.AuditEntry;
import nl.groningen.keukentafel.demo.Dataset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The resident's access overview: everything recorded about them, in plain Dutch. */
class AccessPrintoutTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
    private static final Dataset DEMO = DemoProfile.dataset(CLOCK);

    @Test
    void theLaptopsOverviewHoldsTheResidentEveryConversationAndAgreementAndSaysWhereToAskForTheAudit() throws Exception {
        Resident resident = richResident();
        AccessExport export = laptopExport(resident);

        byte[] pdf = write(export, DUTCH);
        Files.write(Path.of("target", "inzage-voorbeeld.pdf"), pdf);
        String text = text(pdf);

        assertThat(text).contains("Wat de gemeente over u heeft vastgelegd", "Wat is dit?", resident.fullName(),
                "Uw gegevens", resident.postcode(), resident.clientNumber(), "Gesprekken", "Afspraken",
                "Verwijzingen", "Ontwikkelplan", "Contactpogingen", "Afspraken met de coach",
                "Dit overzicht komt van de laptop van uw coach.", "Dit overzicht is gemaakt op 22 november 2026");
        assertThat(export.conversations()).isNotEmpty();
        for (Conversation c : export.conversations()) {
            assertThat(text).contains(DATE.format(c.date()));
        }
        assertThat(export.agreements()).isNotEmpty();
        for (Agreement a : export.agreements()) {
            assertThat(text).contains(a.description().replaceAll("\\s+", " "));
        }
        assertThat(text).doesNotContain("Wie heeft uw gegevens gezien of veranderd");
    }

    @Test
    void theServersOverviewSaysWhoSawOrChangedTheData() throws Exception {
        Resident resident = richResident();
        AccessExport laptop = laptopExport(resident);
        AuditEntry pulled = new AuditEntry(Instant.parse("2026-11-20T08:15:00Z"), AuditAction.PULLED, "sanne", "coach",
                UUID.randomUUID(), "laptop-sanne");
        AuditEntry erasedByJob = new AuditEntry(Instant.parse("2026-11-21T02:00:00Z"), AuditAction.VIEWED, null, null, null, null);
        AccessExport server = new AccessExport(laptop.madeAt(), AccessExport.SERVER, resident, laptop.contactAttempts(),
                laptop.appointments(), laptop.conversations(), laptop.agreements(), laptop.referrals(),
                laptop.developmentPlans(), laptop.conflicts(), List.of(pulled, erasedByJob));

        String text = text(write(server, DUTCH));

        assertThat(text).contains("Wie heeft uw gegevens gezien of veranderd", "20 november 2026, 09:15",
                "sanne (coach), op laptop-sanne", "Op de laptop van de coach gezet", "De gemeente (automatisch)",
                "Bekeken op het kantoor van de gemeente");
        assertThat(text).doesNotContain("Dit overzicht komt van de laptop van uw coach.");
    }

    @Test
    void emptySectionsSayNothingWasRecorded() throws Exception {
        Resident resident = DEMO.residents().get(0);
        AccessExport empty = LaptopAccessExport.of(resident, ResidentRecords.NONE, List.of(), CLOCK.instant());

        String text = text(write(empty, DUTCH));

        assertThat(text.split("Niets vastgelegd\\.", -1)).hasSize(7);
    }

    @Test
    void inEnglishWhenAskedFor() throws Exception {
        String text = text(write(laptopExport(richResident()), Locale.ENGLISH));

        assertThat(text).contains("What the municipality has recorded about you", "Your details", "22 November 2026");
    }

    private static Resident richResident() {
        List<Resident> residents = DEMO.residents();
        var all = DemoProfile.recordsOf(DEMO, residents);
        return residents.stream().filter(r -> all.get(r.id()).conversations().size() > 1
                        && !all.get(r.id()).agreements().isEmpty() && all.get(r.id()).plan() != null)
                .findFirst().orElseThrow();
    }

    private static AccessExport laptopExport(Resident resident) {
        ResidentRecords records = DemoProfile.recordsOf(DEMO, List.of(resident)).get(resident.id());
        return LaptopAccessExport.of(resident, records, new ArrayList<>(), CLOCK.instant());
    }

    private static byte[] write(AccessExport export, Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AccessPrintout.write(export, locale, ReferenceData.standard(), CLOCK.getZone(), out);
        return out.toByteArray();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
