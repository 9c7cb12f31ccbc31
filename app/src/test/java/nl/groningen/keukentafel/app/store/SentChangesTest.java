package nl.groningen.keukentafel.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answered changes kept for a re-send after a restore of the server: sealed like the outbox, gone
 * after the retention, and put back ahead of newer changes without those being changed or
 * overwritten.
 */
class SentChangesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Instant NOW = Instant.parse("2026-11-22T17:00:00Z");
    private static final Dataset DEMO = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);
    private static final char[] PASSWORD = "correct horse".toCharArray();

    @TempDir
    Path folder;
    private Path file;
    private LocalStore store;
    private List<Agreement> agreements;

    @BeforeEach
    void aCoachWithHerCaseload() {
        file = folder.resolve("coach.db");
        store = LocalStore.create(file, PASSWORD, LocalStoreTest.FAST_KDF);
        DemoProfile.fill(store, DEMO, DEMO.coaches().get(0), true);
        agreements = store.sealedRecords().records().values().stream().flatMap(r -> r.agreements().stream()).limit(3).toList();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void answeredChangesAreKeptSealedUntilTheyAreOlderThanTheRetention() throws Exception {
        store.recordWriter().saveAgreement(described(agreements.get(0), "Geheime afspraak over schulden"));
        answerAll(NOW.minus(31, ChronoUnit.DAYS));
        store.recordWriter().saveAgreement(described(agreements.get(1), "Tweede afspraak"));
        answerAll(NOW);
        assertThat(store.outbox().waiting()).isZero();
        assertThat(store.outbox().sentKept()).isEqualTo(2);
        assertThat(rawSentBytes()).as("kept sealed, never as plain text")
                .doesNotContain("Geheime afspraak over schulden");

        store.outbox().forgetSentBefore(NOW.minus(30, ChronoUnit.DAYS));

        assertThat(store.outbox().sentKept()).as("only the one answered within the retention stays").isEqualTo(1);
        assertThat(store.outbox().resendSent()).isEqualTo(1);
        assertThat(store.outbox().takeOutbox(10)).extracting(Change::recordId).containsExactly(agreements.get(1).id());
    }

    @Test
    void aResendPutsTheAnsweredChangesBackInTheirOrderWithTheirIdsAheadOfNewerOnes() {
        store.recordWriter().saveAgreement(described(agreements.get(0), "eerst"));
        store.recordWriter().saveAgreement(described(agreements.get(1), "daarna"));
        List<Change> answered = answerAll(NOW);
        Agreement newer = described(agreements.get(0), "later nog eens");
        store.recordWriter().saveAgreement(newer);

        assertThat(store.outbox().resendSent()).isEqualTo(2);

        List<Change> outbox = store.outbox().takeOutbox(10);
        assertThat(outbox).hasSize(3);
        assertThat(outbox.subList(0, 2)).as("the same changes, ids, bodies and bases as the first time").isEqualTo(answered);
        assertThat(outbox.get(2).recordId()).isEqualTo(newer.id());
        assertThat(outbox.get(2).body().get("description").asText()).isEqualTo("later nog eens");
        assertThat(outbox.get(2).base().get("description").asText()).as("the newer change's base is what was sent before")
                .isEqualTo("eerst");
        assertThat(store.outbox().sentKept()).isZero();
    }

    @Test
    void anEditAfterAResendGetsAnEntryOfItsOwnAndLeavesTheResentOneAsItWas() {
        store.recordWriter().saveAgreement(described(agreements.get(0), "verstuurd"));
        Change sent = answerAll(NOW).get(0);
        store.outbox().resendSent();

        store.recordWriter().saveAgreement(described(agreements.get(0), "na de terugzetting"));
        store.recordWriter().saveAgreement(described(agreements.get(0), "en nog eens")); // coalesces with the new entry, not the re-sent one

        List<Change> outbox = store.outbox().takeOutbox(10);
        assertThat(outbox).hasSize(2);
        assertThat(outbox.get(0)).isEqualTo(sent);
        assertThat(outbox.get(1).changeId()).isNotEqualTo(sent.changeId());
        assertThat(outbox.get(1).body().get("description").asText()).isEqualTo("en nog eens");
        assertThat(outbox.get(1).base().get("description").asText()).isEqualTo("verstuurd");
    }

    @Test
    void aChangeRefusedBeforeAndTakenAfterAResendIsNoLongerListedAsRefused() {
        store.recordWriter().saveAgreement(described(agreements.get(0), "geweigerd"));
        List<Change> taken = store.outbox().takeOutbox(10);
        store.outbox().acknowledge(List.of(new ChangeResult(taken.get(0).changeId(), ChangeStatus.REJECTED, null, "not_in_scope")), NOW);
        assertThat(store.outbox().refusals()).hasSize(1);

        store.outbox().resendSent();
        store.outbox().acknowledge(List.of(new ChangeResult(store.outbox().takeOutbox(10).get(0).changeId(), ChangeStatus.APPLIED, 7L, null)), NOW);

        assertThat(store.outbox().refusals()).isEmpty();
        assertThat(store.outbox().waiting()).isZero();
    }

    @Test
    void theServerEpochIsRememberedAcrossReopening() {
        assertThat(store.syncState().serverEpoch()).isNull();
        store.syncState().saveServerEpoch("3f1c2b7e-0000-4000-8000-000000000001");
        store.close();
        store = LocalStore.unlock(file, PASSWORD);
        assertThat(store.syncState().serverEpoch()).isEqualTo("3f1c2b7e-0000-4000-8000-000000000001");
    }

    /** After a restore that undid a move, the server may send back what this laptop sent for a resident it let go of. */
    @Test
    void aPulledRecordOfAResidentNotOnThisLaptopIsLeftOutAndThePageStillCommits() {
        Agreement elsewhere = new Agreement(UUID.randomUUID(), UUID.randomUUID(), null, "Elders",
                agreements.get(0).owner(), null, TODAY, AgreementStatus.OPEN, null, null);
        Agreement here = described(agreements.get(1), "Van de server");
        var json = Json.mapper();

        store.pulledPages().applyPulled(List.of(
                new PulledChange(41, "agreement", elsewhere.id(), elsewhere.residentId(),
                        false, json.valueToTree(elsewhere)),
                new PulledChange(42, "agreement", here.id(), here.residentId(), false,
                        json.valueToTree(here))), 42);

        assertThat(store.pulledPages().cursor()).isEqualTo(42);
        var agreementsNow = store.sealedRecords().records().values().stream().flatMap(r -> r.agreements().stream()).toList();
        assertThat(agreementsNow).contains(here).noneMatch(a -> a.id().equals(elsewhere.id()));
    }

    private List<Change> answerAll(Instant at) {
        List<Change> taken = store.outbox().takeOutbox(100);
        store.outbox().acknowledge(taken.stream().map(c -> new ChangeResult(c.changeId(), ChangeStatus.APPLIED, 1L, null)).toList(), at);
        return taken;
    }

    private static Agreement described(Agreement a, String description) {
        return new Agreement(a.id(), a.residentId(), a.conversationId(), description, a.owner(), a.partner(), a.dueDate(),
                AgreementStatus.OPEN, null, a.socialMapEntry());
    }

    private String rawSentBytes() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rows = connection.createStatement().executeQuery("SELECT * FROM sent_change")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    byte[] value = rows.getBytes(i);
                    all.append(value == null ? "" : new String(value, StandardCharsets.ISO_8859_1)).append('|');
                }
            }
        }
        return all.toString();
    }
}
