package nl.groningen.keukentafel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.app.Main;
import nl.groningen.keukentafel.app.domain.Conversations;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.profile.Profiles;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.app.store.TestLocalStores;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The app's command line as the README shows it, without a server: add-conversation, a command
 * without a password, a laptop whose data was wiped. (Enrol and sync against the real server:
 * {@code EndToEndSyncTest}.)
 */
class HeadlessCommandsTest {

    private static final String PASSWORD = "keukentafel-cli";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    @TempDir
    Path folder;

    private Resident resident;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void aCoachWithHerCaseload() {
        Dataset demo = DemoProfile.dataset(Clock.systemUTC());
        try (LocalStore store = TestLocalStores.create(new Profiles(folder).fileOf("sanne"), PASSWORD.toCharArray())) {
            DemoProfile.fill(store, demo, demo.coaches().get(0), true);
            resident = store.sealedRecords().residents().get(0);
        }
    }

    @Test
    void addConversationFinalisesADraftFileAsTheReadmeShowsIt() throws Exception {
        ObjectNode file = conversationFile("draft");
        file.remove("referrals");
        UUID conversation = UUID.fromString(file.path("conversation").path("id").asText());

        assertThat(run(PASSWORD, "add-conversation", "--user", "sanne", "--data-dir", folder.toString(), "--password-stdin",
                write(file).toString())).as(err.toString()).isZero();

        assertThat(out.toString()).contains("opgeslagen");
        try (LocalStore store = open()) {
            Conversation saved = store.sealedRecords().records().get(resident.id()).conversations().stream()
                    .filter(c -> c.id().equals(conversation)).findFirst().orElseThrow();
            assertThat(saved.status()).isEqualTo(ConversationStatus.FINALISED);
            assertThat(store.sealedRecords().records().get(resident.id()).agreements()).extracting(Agreement::conversationId)
                    .contains(conversation);
            assertThat(store.outbox().waiting()).as("conversation, agreement and resident go with the next sync").isEqualTo(3);
        }
    }

    @Test
    void addConversationTakesAFinalisedConversationOrOneWithoutStatusToo() throws Exception {
        ObjectNode finalised = conversationFile("finalised");
        ObjectNode withoutStatus = conversationFile("draft");
        ((ObjectNode) withoutStatus.get("conversation")).remove("status");

        assertThat(addConversation(finalised)).as(err.toString()).isZero();
        assertThat(addConversation(withoutStatus)).as(err.toString()).isZero();
    }

    @Test
    void addConversationSaysInDutchWhichStatusItExpects() throws Exception {
        assertThat(addConversation(conversationFile("klaar"))).isEqualTo(HeadlessCommands.FAILED);

        assertThat(err.toString()).contains("'klaar'").contains("\"draft\"");
        assertNoJavaIn(err.toString());
    }

    @Test
    void addConversationNamesTheFieldThatIsMissingOrWrong() throws Exception {
        ObjectNode withoutDomains = conversationFile("draft");
        ((ObjectNode) withoutDomains.get("conversation")).remove("life_domains");
        assertThat(addConversation(withoutDomains)).isEqualTo(HeadlessCommands.FAILED);
        assertThat(err.toString()).contains("conversation.life_domains");
        assertNoJavaIn(err.toString());

        ObjectNode wrongPlace = conversationFile("draft");
        ((ObjectNode) wrongPlace.get("conversation")).put("place", "ergens");
        assertThat(addConversation(wrongPlace)).isEqualTo(HeadlessCommands.FAILED);
        assertThat(err.toString()).contains("'ergens'").contains("conversation.place").contains("home");
        assertNoJavaIn(err.toString());

        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{\"conversation\": {");
        assertThat(run(PASSWORD, "add-conversation", "--user", "sanne", "--data-dir", folder.toString(), "--password-stdin",
                broken.toString())).isEqualTo(HeadlessCommands.FAILED);
        assertThat(err.toString()).contains("geen geldige JSON");
        assertNoJavaIn(err.toString());
    }

    @Test
    void addingTheSameConversationTwiceIsToldNotAJavaError() throws Exception {
        ObjectNode file = conversationFile("draft");
        assertThat(addConversation(file)).isZero();

        assertThat(addConversation(file)).isEqualTo(HeadlessCommands.FAILED);
        assertThat(err.toString()).contains("staat al op deze laptop");
        assertNoJavaIn(err.toString());
    }

    @Test
    void noPasswordGivenSaysSoNotWrongPassword() {
        assertThat(run("", "status", "--user", "sanne", "--data-dir", folder.toString(), "--password-stdin"))
                .isEqualTo(HeadlessCommands.WRONG_PASSWORD);

        assertThat(err.toString()).contains("Geen wachtwoord gegeven").doesNotContain("klopt niet");
    }

    @Test
    void aWipedLaptopsStatusSaysItWasWiped() throws Exception {
        new Profiles(folder).wipeRevoked("sanne");

        assertThat(run(PASSWORD, "status", "--user", "sanne", "--data-dir", folder.toString(), "--password-stdin"))
                .isEqualTo(HeadlessCommands.REVOKED);

        assertThat(err.toString()).contains("gewist").contains("ingetrokken").doesNotContain("geen coach");
    }

    @Test
    void anExportIsForTheUserOnly() throws Exception {
        Path export = folder.resolve("sanne.json");
        Files.writeString(export, "old");
        Files.setPosixFilePermissions(export, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(run(PASSWORD, "export", "--user", "sanne", "--data-dir", folder.toString(), "--password-stdin",
                "--out", export.toString())).as(err.toString()).isZero();

        assertThat(Files.readString(export)).contains(resident.id().toString());
        if (Files.getFileAttributeView(export, PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(export))).isEqualTo("rw-------");
        }
    }

    private static void assertNoJavaIn(String message) {
        assertThat(message).doesNotContain("nl.groningen").doesNotContain("java.").doesNotContain("Exception")
                .doesNotContain("Cannot").doesNotContain("\tat ");
    }

    /** A conversation with the resident today, with one agreement, in the wire contract's JSON. */
    private ObjectNode conversationFile(String status) {
        Conversation draft = Conversations.newDraft(UUID.randomUUID(), resident, resident.coachId(), TODAY, false);
        Agreement agreement = new Agreement(UUID.randomUUID(), resident.id(), draft.id(), "Stadjerspas aanvragen",
                AgreementOwner.RESIDENT, null, TODAY.plusDays(14), AgreementStatus.OPEN, null, null);
        ObjectNode file = Json.mapper().createObjectNode();
        ObjectNode conversation = Json.mapper().valueToTree(draft);
        conversation.put("status", status);
        file.set("conversation", conversation);
        file.set("agreements", Json.mapper().valueToTree(List.of(agreement)));
        file.set("referrals", Json.mapper().createArrayNode());
        return file;
    }

    private int addConversation(ObjectNode file) throws Exception {
        return run(PASSWORD, "add-conversation", "--user", "sanne", "--data-dir", folder.toString(), "--password-stdin",
                write(file).toString());
    }

    private Path write(ObjectNode file) throws Exception {
        Path path = Files.createTempFile(folder, "gesprek", ".json");
        Files.write(path, Json.mapper().writeValueAsBytes(file));
        return path;
    }

    private LocalStore open() {
        return LocalStore.unlock(new Profiles(folder).fileOf("sanne"), PASSWORD.toCharArray());
    }

    private int run(String password, String... args) {
        InputStream stdin = System.in;
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        try {
            System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
            CommandLine commandLine = new CommandLine(new Main());
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            return commandLine.execute(args);
        } finally {
            System.setIn(stdin);
        }
    }
}
