package nl.groningen.keukentafel.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.Conversations;
import nl.groningen.keukentafel.app.domain.FinalisedConversationException;
import nl.groningen.keukentafel.app.domain.WrongCredentialException;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store against real SQLite files. Few KDF rounds: these tests are about storage, not key strength. */
class LocalStoreTest {

    static final int FAST_KDF = 1_000;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Dataset DEMO = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);
    private static final char[] PASSWORD = "correct horse".toCharArray();

    @TempDir
    Path folder;

    @Test
    void theCaseloadReadsBackUnchangedAfterReopening() {
        Path file = folder.resolve("coach.db");
        try (LocalStore store = LocalStore.create(file, PASSWORD, FAST_KDF)) {
            DemoProfile.fill(store, DEMO, DEMO.coaches().get(0), true);
        }
        try (LocalStore store = LocalStore.unlock(file, PASSWORD)) {
            Caseload caseload = store.sealedRecords().caseload();
            Comparator<Resident> byNumber = Comparator.comparing(Resident::clientNumber);
            assertThat(caseload.residents().stream().sorted(byNumber).toList())
                    .isEqualTo(DEMO.residents().stream().sorted(byNumber).toList());
            Resident someone = DEMO.conversations().stream().findFirst()
                    .flatMap(c -> caseload.resident(c.residentId())).orElseThrow();
            assertThat(caseload.recordsOf(someone.id()).conversations())
                    .containsExactlyInAnyOrderElementsOf(DEMO.conversations().stream()
                            .filter(c -> c.residentId().equals(someone.id())).toList());
            assertThat(store.referenceTable().coach()).isEqualTo(DEMO.coaches().get(0));
            assertThat(store.referenceTable().socialMap()).hasSize(DEMO.socialMap().size());
        }
    }

    @Test
    void aWrongPasswordOpensNothing() {
        Path file = folder.resolve("coach.db");
        try (LocalStore store = LocalStore.create(file, PASSWORD, FAST_KDF)) {
            DemoProfile.fill(store, DEMO, DEMO.coaches().get(0), true);
        }
        assertThatThrownBy(() -> LocalStore.unlock(file, "wrong horse".toCharArray()))
                .isInstanceOf(WrongCredentialException.class);
        try (LocalStore store = LocalStore.unlock(file, PASSWORD)) {
            assertThat(store.sealedRecords().residents()).hasSize(150);
        }
    }

    @Test
    void aFinalisedConversationCannotBeOverwrittenByADraft() {
        Path file = folder.resolve("coach.db");
        try (LocalStore store = LocalStore.create(file, PASSWORD, FAST_KDF)) {
            DemoProfile.fill(store, DEMO, DEMO.coaches().get(0), true);
            Resident resident = DEMO.residents().get(0);
            Conversation draft = Conversations.newDraft(UUID.randomUUID(), resident, DEMO.coaches().get(0).id(), TODAY, true);
            Agreement agreement = new Agreement(UUID.randomUUID(), resident.id(), draft.id(), "CV online zetten",
                    AgreementOwner.RESIDENT, null, TODAY.plusWeeks(2), AgreementStatus.OPEN, null, null);
            ConversationDraft withAgreement = new ConversationDraft(draft, List.of(agreement), List.of());
            store.recordWriter().saveDraft(withAgreement);
            Conversation finalised = Conversations.finalise(draft);
            store.recordWriter().finalise(withAgreement, finalised, Conversations.applyTo(resident, finalised));

            assertThatThrownBy(() -> store.recordWriter().saveDraft(withAgreement)).isInstanceOf(FinalisedConversationException.class);
            assertThatThrownBy(() -> store.recordWriter().finalise(withAgreement, finalised, resident))
                    .isInstanceOf(FinalisedConversationException.class);
            Caseload caseload = store.sealedRecords().caseload();
            assertThat(caseload.recordsOf(resident.id()).conversations()).contains(finalised);
            assertThat(caseload.recordsOf(resident.id()).agreements()).contains(agreement);
            assertThat(caseload.recordsOf(resident.id()).drafts()).isEmpty();
            assertThat(caseload.resident(resident.id()).orElseThrow().nextContactDue())
                    .isEqualTo(TODAY.plusMonths(Math.min(12, resident.contactTermMonths())));
        }
    }

    private static int newestMigration() throws Exception {
        try (var files = Files.list(Path.of(LocalStore.class.getResource("migration").toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
    }

    @Test
    void aCancelledVisitLeavesTheLaptopAndGoesToTheServerAsADelete() {
        Path file = folder.resolve("coach.db");
        Resident someone = DEMO.residents().get(0);
        nl.groningen.keukentafel.contract.Appointment visit = nl.groningen.keukentafel.app.domain.Appointments.visit(
                UUID.randomUUID(), someone.id(), TODAY.plusDays(2), java.time.LocalTime.of(10, 0),
                java.time.ZoneId.of("Europe/Amsterdam"), nl.groningen.keukentafel.contract.Place.HOME);
        try (LocalStore store = LocalStore.create(file, PASSWORD, FAST_KDF)) {
            DemoProfile.fill(store, DEMO, DEMO.coaches().get(0), true);
            store.recordWriter().saveAppointment(visit);
            store.recordWriter().cancelAppointment(visit);
        }
        try (LocalStore store = LocalStore.unlock(file, PASSWORD)) {
            assertThat(store.sealedRecords().caseload().recordsOf(someone.id()).appointments())
                    .noneMatch(a -> a.id().equals(visit.id()));
            List<nl.groningen.keukentafel.contract.sync.Change> outbox = store.outbox().takeOutbox(100).stream()
                    .filter(c -> c.recordId().equals(visit.id())).toList();
            assertThat(outbox).extracting(nl.groningen.keukentafel.contract.sync.Change::deleted).containsExactly(false, true);
        }
    }

    @Test
    void theFileIsInWalModeWithTheSchemaMigrated() throws Exception {
        Path file = folder.resolve("coach.db");
        try (LocalStore store = LocalStore.create(file, PASSWORD, FAST_KDF)) {
            store.recordWriter().saveResident(DEMO.residents().get(0));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet mode = raw.createStatement().executeQuery("PRAGMA journal_mode");
             ResultSet version = raw.createStatement().executeQuery(
                     "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
            assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
            assertThat(version.getInt(1)).as("the newest migration shipped").isEqualTo(newestMigration());
        }
    }

    @Test
    void theSchemaVersionOpenedWithoutFlywayIsTheNewestMigration() throws Exception {
        Path migrations = Path.of(LocalStore.class.getResource("migration").toURI());
        try (var files = Files.list(migrations)) {
            String newest = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max(Integer::compare).map(String::valueOf).orElseThrow();
            assertThat(LocalDatabase.SCHEMA_VERSION).isEqualTo(newest);
        }
    }

    @Test
    void aFileAtTheNewestSchemaOpensAtIt() throws Exception {
        Path file = folder.resolve("coach.db");
        LocalStore.create(file, PASSWORD, FAST_KDF).close();
        try (LocalStore store = LocalStore.unlock(file, PASSWORD);
             Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(LocalDatabase.schemaVersion(connection)).isEqualTo(LocalDatabase.SCHEMA_VERSION);
            assertThat(store.sealedRecords().residents()).isEmpty();
        }
    }
}
