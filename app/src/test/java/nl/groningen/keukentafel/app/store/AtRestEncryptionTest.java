package nl.groningen.keukentafel.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.Conversations;
import nl.groningen.keukentafel.app.domain.LocalStoreException;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.LifeDomainNote;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins that the database files never show a resident's details or notes, and that a sealed body cannot change rows. */
class AtRestEncryptionTest {

    private static final int FAST_KDF = LocalStoreTest.FAST_KDF;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Dataset DEMO = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);
    private static final Coach COACH = DEMO.coaches().get(0);
    private static final char[] PASSWORD = "correct horse".toCharArray();
    private static final int RESIDENTS_CHECKED = 6;

    // Invented phrases that occur nowhere else, so finding one can only mean a note leaked.
    private static final String DRAFT_NOTE = "wil weer leren fietsen met kleindochter Ykje langs het Reitdiep";
    private static final String FINALISED_NOTE = "schulden bij de Kwelderbank sinds de brand in de schuur";
    private static final String AGREEMENT_NOTE = "belt zelf de Kwelderbank voor een afbetalingsregeling";

    @TempDir
    Path folder;

    @Test
    void noResidentDetailOrNoteIsInTheDatabaseFilesWhileOpenOrAfterClose() throws IOException {
        Path file = folder.resolve("coach.db");
        List<Resident> checked = residentsToCheck();
        Set<String> secrets = secretsOf(checked);

        try (LocalStore store = LocalStore.create(file, PASSWORD, FAST_KDF)) {
            DemoProfile.fill(store, DEMO, COACH, true);
            // The last writes touch checked residents, so their freshest pages sit in the WAL.
            store.recordWriter().saveDraft(draft(checked.get(0), DRAFT_NOTE));
            Resident spoken = checked.get(1);
            ConversationDraft toFinalise = draft(spoken, FINALISED_NOTE);
            store.recordWriter().saveDraft(toFinalise);
            Conversation finalised = Conversations.finalise(toFinalise.conversation());
            store.recordWriter().finalise(toFinalise, finalised, Conversations.applyTo(spoken, finalised));

            // Guards the test itself: the secrets must be in the store, else their absence proves nothing.
            assertThat(store.sealedRecords().residents()).containsAll(checked.subList(2, checked.size()));
            assertThat(store.sealedRecords().caseload().recordsOf(checked.get(0).id()).drafts())
                    .anyMatch(d -> d.conversation().activities().equals(DRAFT_NOTE));
            assertThat(store.sealedRecords().caseload().recordsOf(spoken.id()).conversations()).contains(finalised);

            assertThat(Path.of(file + "-wal")).as("the store is open in WAL mode").exists();
            assertThat(foundIn(databaseFiles(file), secrets)).as("secrets readable in the open database's files").isEmpty();
        }

        assertThat(foundIn(databaseFiles(file), secrets)).as("secrets readable in the closed database's files").isEmpty();
    }

    @Test
    void theByteSearchFindsTheSameSecretsInAPlainSqliteFile() throws Exception {
        // Without this a broken search (wrong encoding, wrong files) would pass the test above for nothing.
        Path file = folder.resolve("plain.db");
        Set<String> secrets = secretsOf(residentsToCheck());
        try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = plain.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = FULL");
            statement.execute("CREATE TABLE clear (text TEXT NOT NULL)");
            try (PreparedStatement insert = plain.prepareStatement("INSERT INTO clear (text) VALUES (?)")) {
                for (String secret : secrets) {
                    insert.setString(1, secret);
                    insert.executeUpdate();
                }
            }
            assertThat(Path.of(file + "-wal")).exists();
            assertThat(foundIn(databaseFiles(file), secrets).keySet()).containsExactlyInAnyOrderElementsOf(secrets);
        }
        assertThat(foundIn(databaseFiles(file), secrets).keySet()).containsExactlyInAnyOrderElementsOf(secrets);
    }

    @Test
    void aSealedBodyMovedToAnotherRowIsRefused() throws Exception {
        Path file = folder.resolve("coach.db");
        try (LocalStore store = LocalStore.create(file, PASSWORD, FAST_KDF)) {
            DemoProfile.fill(store, DEMO, COACH, true);
        }
        // Two records of the same kind under the same key: only the id bound in as associated data tells them apart.
        List<String> ids = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement select = raw.prepareStatement("SELECT id, sealed FROM record WHERE kind = ? ORDER BY id LIMIT 2")) {
            select.setString(1, nl.groningen.keukentafel.contract.sync.RecordKind.CONVERSATION.wireName());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                    bodies.add(rows.getBytes(2));
                }
            }
        }
        assertThat(ids).hasSize(2);

        setSealed(file, ids.get(0), bodies.get(1));
        setSealed(file, ids.get(1), bodies.get(0));
        try (LocalStore store = LocalStore.unlock(file, PASSWORD)) {
            assertThat(store.sealedRecords().residents()).isNotEmpty();
            assertThatThrownBy(store.sealedRecords()::caseload).isInstanceOf(LocalStoreException.class);
        }

        // Putting them back makes the caseload readable again: the move, not the raw edit, was refused.
        setSealed(file, ids.get(0), bodies.get(0));
        setSealed(file, ids.get(1), bodies.get(1));
        try (LocalStore store = LocalStore.unlock(file, PASSWORD)) {
            assertThat(store.sealedRecords().caseload().residents()).isNotEmpty();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * Residents of the coach whose details appear nowhere in the data the store keeps in clear on
     * purpose (coach profile, reference data, sociale kaart): the generator draws the sociale
     * kaart's addresses from the same streets, and such a hit would be public data, not a leak.
     */
    private static List<Resident> residentsToCheck() {
        String publicText = publicText();
        List<Resident> picked = DEMO.caseloadOf(COACH.id()).stream()
                .filter(r -> secretsOf(List.of(r)).stream().noneMatch(publicText::contains))
                .limit(RESIDENTS_CHECKED)
                .toList();
        assertThat(picked).as("residents whose details are not public").hasSize(RESIDENTS_CHECKED);
        return picked;
    }

    private static String publicText() {
        ObjectMapper json = Json.mapper();
        StringBuilder text = new StringBuilder();
        try {
            text.append(json.writeValueAsString(COACH));
            text.append(json.writeValueAsString(ReferenceData.standard()));
            for (Object entry : DEMO.socialMap()) {
                text.append(json.writeValueAsString(entry));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    private static Set<String> secretsOf(List<Resident> residents) {
        Set<String> secrets = new LinkedHashSet<>();
        for (Resident r : residents) {
            secrets.add(r.surname());
            secrets.add(r.givenName() + " " + r.surname());
            secrets.add(r.fullName());
            // The street with the house number: the bare street names of the demo all recur in the
            // public sociale kaart, so the address is what tells this resident's home apart.
            secrets.add(r.address());
            secrets.add(r.postcode());
            secrets.add(r.phone());
            secrets.add(r.clientNumber());
        }
        secrets.addAll(List.of(DRAFT_NOTE, FINALISED_NOTE, AGREEMENT_NOTE));
        return secrets;
    }

    private static ConversationDraft draft(Resident resident, String note) {
        Conversation empty = Conversations.newDraft(UUID.randomUUID(), resident, COACH.id(), TODAY, true);
        Conversation c = new Conversation(empty.id(), empty.residentId(), empty.coachId(), empty.date(), empty.place(),
                empty.durationMinutes(), empty.followUp(), List.of(new LifeDomainNote("finances", note)), note, note,
                empty.outcome(), empty.provisionsInformed(), empty.signals(), note, empty.conversationRating(),
                empty.contactValueRating(), empty.nextContactTermMonths(), empty.initiative(), empty.status(),
                empty.corrects());
        Agreement agreement = new Agreement(UUID.randomUUID(), resident.id(), c.id(), AGREEMENT_NOTE,
                AgreementOwner.RESIDENT, null, TODAY.plusWeeks(2), AgreementStatus.OPEN, null, null);
        return new ConversationDraft(c, List.of(agreement), List.of());
    }

    /** The database file and, when present, its WAL and shared-memory index. */
    private static List<Path> databaseFiles(Path db) {
        return Stream.of(db, Path.of(db + "-wal"), Path.of(db + "-shm")).filter(Files::exists).toList();
    }

    /** The secrets whose UTF-8 bytes occur anywhere in the files, each with the file it was found in. */
    private static Map<String, Path> foundIn(List<Path> files, Set<String> secrets) throws IOException {
        assertThat(files).isNotEmpty();
        Map<String, Path> found = new LinkedHashMap<>();
        for (Path f : files) {
            // ISO-8859-1 maps each byte to one char, so String.indexOf is an exact byte search.
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                String needle = new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                if (bytes.contains(needle)) {
                    found.putIfAbsent(secret, f.getFileName());
                }
            }
        }
        return found;
    }

    private static void setSealed(Path file, String id, byte[] sealed) throws Exception {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement update = raw.prepareStatement("UPDATE record SET sealed = ? WHERE id = ?")) {
            update.setBytes(1, sealed);
            update.setString(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
