package nl.groningen.keukentafel.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.Conversations;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resident the municipality erased leaves the laptop whole: nothing of them stays in the
 * database's tables or in the bytes of its files, and nobody else's data or waiting changes go
 * with them. Checked through the store and by reading the raw SQLite file and its WAL.
 */
class ResidentErasureTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Instant NOW = Instant.parse("2026-11-22T17:00:00Z");
    private static final Dataset DEMO = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);
    private static final Coach COACH = DEMO.coaches().get(0);
    private static final char[] PASSWORD = "correct horse".toCharArray();
    /** The tables that name a resident, and the column they do it in. */
    private static final List<String> BY_RESIDENT = List.of(
            "SELECT COUNT(*) FROM resident WHERE id = ?",
            "SELECT COUNT(*) FROM record WHERE resident_id = ?",
            "SELECT COUNT(*) FROM outbox WHERE resident_id = ?",
            "SELECT COUNT(*) FROM sent_change WHERE resident_id = ?",
            "SELECT COUNT(*) FROM sync_refusal WHERE resident_id = ?");

    @TempDir
    Path folder;
    private Path file;
    private LocalStore store;
    private Resident erased;
    private Resident other;

    @BeforeEach
    void aCoachWithWorkForTwoResidents() throws Exception {
        file = folder.resolve("coach.db");
        store = LocalStore.create(file, PASSWORD, LocalStoreTest.FAST_KDF);
        DemoProfile.fill(store, DEMO, COACH, true);
        List<Resident> withAgreements = store.sealedRecords().residents().stream()
                .filter(r -> store.sealedRecords().caseload().recordsOf(r.id()).agreements().size() >= 3).limit(2).toList();
        erased = withAgreements.get(0);
        other = withAgreements.get(1);
        List<Agreement> erasedAgreements = agreementsOf(erased);

        // Answered and kept for a re-send, refused, and still waiting: the outbox's three states.
        store.recordWriter().saveAgreement(described(erasedAgreements.get(0), "verstuurd"));
        answer(ChangeStatus.APPLIED);
        store.recordWriter().saveAgreement(described(erasedAgreements.get(1), "geweigerd"));
        answer(ChangeStatus.REJECTED);
        store.recordWriter().saveAgreement(described(erasedAgreements.get(2), "wacht nog"));
        store.recordWriter().saveDraft(draft(erased));
        store.pulledPages().applyPulled(List.of(conflictFor(erased, erasedAgreements.get(0))), 10);
        store.recordWriter().saveAgreement(described(agreementsOf(other).get(0), "van een ander"));

        assertThat(rowsOf(erased.id())).as("the test's own setup: the resident is in every table").allMatch(n -> n > 0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aPulledErasureLeavesNothingOfTheResidentInTheDatabaseAndTouchesNobodyElse() throws Exception {
        List<String> erasedIds = idsOf(erased.id());
        List<byte[]> erasedSealed = sealedOf(erased.id());
        int othersRecords = store.sealedRecords().caseload().recordsOf(other.id()).agreements().size();

        var changed = store.pulledPages().applyPulled(List.of(erasure(erased.id(), 11)), 11);

        assertThat(changed).containsExactly(erased.id());
        assertThat(store.sealedRecords().residents()).extracting(Resident::id).doesNotContain(erased.id()).contains(other.id());
        assertThat(store.sealedRecords().records()).doesNotContainKey(erased.id());
        assertThat(store.conflictRecords().conflicts()).noneMatch(c -> c.residentId().equals(erased.id()));
        assertThat(store.outbox().hasWaitingFor(erased.id())).isFalse();
        assertThat(store.outbox().refusals()).isEmpty();
        assertThat(store.outbox().sentKept()).isZero();
        assertThat(rowsOf(erased.id())).as("rows naming the resident, per table").containsOnly(0);

        assertThat(store.outbox().takeOutbox(10)).as("the other resident's change still goes out")
                .singleElement().extracting(Change::residentId).isEqualTo(other.id());
        assertThat(store.sealedRecords().caseload().recordsOf(other.id()).agreements()).hasSize(othersRecords);
        assertThat(store.pulledPages().cursor()).isEqualTo(11);

        String bytes = fileBytes();
        assertThat(bytes).as("the files still hold the other resident: the search looks in the right place")
                .contains(other.id().toString());
        assertThat(erasedIds).as("ids of the erased resident and their records still in the files").noneMatch(bytes::contains);
        assertThat(erasedSealed).as("sealed rows of the erased resident still in the files")
                .noneMatch(sealed -> bytes.contains(new String(Arrays.copyOfRange(sealed, 16, 48), StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aReplayedErasureOrOneForAResidentNeverHereChangesNothingAndIsNoError() throws Exception {
        store.pulledPages().applyPulled(List.of(erasure(erased.id(), 11)), 11);
        int residents = store.sealedRecords().residents().size();

        var replayed = store.pulledPages().applyPulled(List.of(erasure(erased.id(), 11)), 11);
        var stranger = store.pulledPages().applyPulled(List.of(erasure(UUID.randomUUID(), 12)), 12);

        assertThat(replayed).isEmpty();
        assertThat(stranger).isEmpty();
        assertThat(store.sealedRecords().residents()).hasSize(residents);
        assertThat(store.outbox().waiting()).isEqualTo(1);
        assertThat(store.pulledPages().cursor()).isEqualTo(12);
    }

    @Test
    void aPushAnsweredErasedDropsThatChangeAndTheResidentAndAcknowledgesTheRestAsAlways() throws Exception {
        List<String> erasedIds = idsOf(erased.id());
        List<Change> taken = store.outbox().takeOutbox(10);
        assertThat(taken).hasSize(2);

        store.outbox().acknowledge(taken.stream().map(c -> c.residentId().equals(erased.id())
                ? new ChangeResult(c.changeId(), ChangeStatus.ERASED, null, null)
                : new ChangeResult(c.changeId(), ChangeStatus.APPLIED, 12L, null)).toList(), NOW);

        assertThat(store.outbox().waiting()).isZero();
        assertThat(store.outbox().refusals()).as("an erased change is not a refusal").isEmpty();
        assertThat(store.outbox().sentKept()).as("only the other resident's answered change is kept").isEqualTo(1);
        assertThat(store.sealedRecords().residents()).extracting(Resident::id).doesNotContain(erased.id()).contains(other.id());
        assertThat(rowsOf(erased.id())).containsOnly(0);
        String bytes = fileBytes();
        assertThat(erasedIds).noneMatch(bytes::contains);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private List<Agreement> agreementsOf(Resident resident) {
        return store.sealedRecords().caseload().recordsOf(resident.id()).agreements();
    }

    private void answer(ChangeStatus status) {
        List<Change> taken = store.outbox().takeOutbox(100);
        store.outbox().acknowledge(taken.stream()
                .map(c -> new ChangeResult(c.changeId(), status, status == ChangeStatus.APPLIED ? 1L : null,
                        status == ChangeStatus.REJECTED ? "not_in_scope" : null)).toList(), NOW);
    }

    private static PulledChange erasure(UUID residentId, long seq) {
        return new PulledChange(seq, RecordKind.RESIDENT_ERASED.wireName(), residentId, residentId, false, null);
    }

    private static PulledChange conflictFor(Resident resident, Agreement agreement) {
        var json = Json.mapper();
        Conflict conflict = new Conflict(UUID.randomUUID(), resident.id(), RecordKind.AGREEMENT.wireName(), agreement.id(),
                "description", json.valueToTree("kantoor"), json.valueToTree("laptop"), NOW);
        return new PulledChange(10, RecordKind.CONFLICT.wireName(), conflict.id(), resident.id(), false, json.valueToTree(conflict));
    }

    private static ConversationDraft draft(Resident resident) {
        return new ConversationDraft(Conversations.newDraft(UUID.randomUUID(), resident, COACH.id(), TODAY, true), List.of(), List.of());
    }

    private static Agreement described(Agreement a, String description) {
        return new Agreement(a.id(), a.residentId(), a.conversationId(), description, a.owner(), a.partner(), a.dueDate(),
                AgreementStatus.OPEN, null, a.socialMapEntry());
    }

    /** Per table, how many rows name the resident, read from the raw file. */
    private List<Integer> rowsOf(UUID residentId) throws Exception {
        List<Integer> counts = new ArrayList<>();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (String sql : BY_RESIDENT) {
                try (PreparedStatement statement = raw.prepareStatement(sql)) {
                    statement.setString(1, residentId.toString());
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        counts.add(row.getInt(1));
                    }
                }
            }
        }
        return counts;
    }

    /** The resident's id and the ids of every row about them (records, changes). */
    private List<String> idsOf(UUID residentId) throws Exception {
        List<String> ids = new ArrayList<>(List.of(residentId.toString()));
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (String sql : List.of("SELECT id FROM record WHERE resident_id = ?", "SELECT change_id FROM outbox WHERE resident_id = ?",
                    "SELECT record_id FROM outbox WHERE resident_id = ?", "SELECT change_id FROM sent_change WHERE resident_id = ?")) {
                try (PreparedStatement statement = raw.prepareStatement(sql)) {
                    statement.setString(1, residentId.toString());
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getString(1));
                        }
                    }
                }
            }
        }
        assertThat(ids).hasSizeGreaterThan(5);
        return ids;
    }

    /** The sealed bytes of the resident's row and of their records. */
    private List<byte[]> sealedOf(UUID residentId) throws Exception {
        List<byte[]> sealed = new ArrayList<>();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (String sql : List.of("SELECT sealed FROM resident WHERE id = ?", "SELECT sealed FROM record WHERE resident_id = ?")) {
                try (PreparedStatement statement = raw.prepareStatement(sql)) {
                    statement.setString(1, residentId.toString());
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            sealed.add(rows.getBytes(1));
                        }
                    }
                }
            }
        }
        return sealed;
    }

    /** The database file and its WAL, each byte one char (ISO-8859-1), so String.contains is an exact byte search. */
    private String fileBytes() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path f : Stream.of(file, Path.of(file + "-wal")).filter(Files::exists).toList()) {
            all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
        }
        return all.toString();
    }
}
