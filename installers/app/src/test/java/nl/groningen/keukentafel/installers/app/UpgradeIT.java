package nl.groningen.keukentafel.installers.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrading a laptop from the previous release (0.1.0, built from its source archive and packaged here by the same
 * packaging code) to this build while changes wait offline: the local database is migrated to this
 * build's newest schema, the waiting changes are still there, and they reach the server.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the .deb is built and installed on Linux")
class UpgradeIT {

    static final String PREVIOUS_VERSION = "0.1.0";
    private static final Pattern MIGRATION = Pattern.compile("nl/groningen/keukentafel/app/store/migration/V(\\d+)__.*\\.sql");

    static DebPackage previous;
    static DebPackage current;

    @BeforeAll
    static void packageBothReleases() throws Exception {
        current = DebPackage.in(DebPackage.buildOutput());
        previous = PreviousRelease.deb(PREVIOUS_VERSION);
    }

    @Test
    void changesMadeOfflineSurviveTheUpgradeAndSyncAfterIt(@TempDir Path root, @TempDir Path serverData,
                                                            @TempDir Path laptop, @TempDir Path secondLaptop) throws Exception {
        TestSyncServer server = new TestSyncServer(serverData);
        InstalledApp installed = previous.extractTo(root);
        installed.makeArchive();
        UUID conversationId = UUID.randomUUID();
        try {
            // Version N: enrolled and synced, then a conversation recorded while the server is away.
            server.start();
            installed.command("enroll", laptop, "--server", server.url(), "--code", server.enrolmentCode()).expectSuccess();
            installed.command("sync", laptop).expectSuccess();
            server.stop();
            JsonNode export = new ObjectMapper().readTree(installed.command("export", laptop).expectSuccess().out());
            Path conversation = conversationFile(root, export, conversationId);
            installed.command("add-conversation", laptop, conversation.toString()).expectSuccess();
            installed.command("sync", laptop).expectExit(4); // offline: nothing lost, it waits
            assertThat(installed.command("status", laptop).expectSuccess().number("Wachtende wijzigingen:")).isPositive();

            // Version N+1 over it, as dpkg does it.
            InstalledApp upgraded = upgrade(root, previous, current);

            Run status = upgraded.command("status", laptop).expectSuccess();
            assertThat(status.number("Wachtende wijzigingen:")).isPositive();
            assertThat(upgraded.command("export", laptop).expectSuccess().out()).contains(conversationId.toString());
            assertThat(schemaVersion(laptop)).isEqualTo(newestMigration(current, root));

            server.start();
            upgraded.command("sync", laptop).expectSuccess();
            assertThat(upgraded.command("status", laptop).expectSuccess().number("Wachtende wijzigingen:")).isZero();
            // The server has it: a second laptop of the same coach receives it.
            upgraded.command("enroll", secondLaptop, "--server", server.url(), "--code", server.enrolmentCode()).expectSuccess();
            upgraded.command("sync", secondLaptop).expectSuccess();
            assertThat(upgraded.command("export", secondLaptop).expectSuccess().out()).contains(conversationId.toString());
        } finally {
            server.stop();
        }
    }

    /**
     * What dpkg -i of the new package does to the old one's files: the old prerm (the archive goes),
     * the new files over the old, the old files the new package no longer has removed, the new
     * postinst (a new archive).
     */
    private static InstalledApp upgrade(Path root, DebPackage from, DebPackage to) throws IOException {
        new InstalledApp(root.resolve("opt/keukentafel")).removeArchive();
        InstalledApp upgraded = to.extractTo(root);
        Set<String> gone = new TreeSet<>(from.files());
        gone.removeAll(to.files());
        for (String file : gone) {
            Files.deleteIfExists(root.resolve(file));
        }
        assertThat(gone).as("the previous release's jars the new one replaces").isNotEmpty();
        upgraded.makeArchive();
        return upgraded;
    }

    /** A conversation with the first resident of the coach's export, in the wire contract's JSON, as add-conversation reads it. */
    private static Path conversationFile(Path folder, JsonNode export, UUID id) throws IOException {
        Map<String, Object> conversation = new java.util.LinkedHashMap<>();
        conversation.put("id", id.toString());
        conversation.put("resident_id", export.path("residents").get(0).path("resident").path("id").asText());
        conversation.put("coach_id", export.path("coach").path("id").asText());
        conversation.put("date", LocalDate.now().toString());
        conversation.put("place", "home");
        conversation.put("duration_minutes", 45);
        conversation.put("follow_up", false);
        conversation.put("life_domains", List.of());
        conversation.put("activities", "");
        conversation.put("wishes", "");
        conversation.put("outcome", "");
        conversation.put("provisions_informed", List.of());
        conversation.put("signals", List.of());
        conversation.put("own_goals", "");
        conversation.put("conversation_rating", null);
        conversation.put("contact_value_rating", null);
        conversation.put("next_contact_term_months", 6);
        conversation.put("initiative", "coach");
        conversation.put("status", "draft");
        conversation.put("corrects", null);
        Path file = folder.resolve("gesprek.json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(
                Map.of("conversation", conversation, "agreements", List.of(), "referrals", List.of())), StandardCharsets.UTF_8);
        return file;
    }

    /** The newest schema migration the installed app's jar carries. */
    private static int newestMigration(DebPackage deb, Path root) throws IOException {
        int newest = 0;
        try (JarFile jar = new JarFile(root.resolve("opt/keukentafel/lib/app/keukentafel-app.jar").toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                Matcher m = MIGRATION.matcher(entries.nextElement().getName());
                if (m.matches()) {
                    newest = Math.max(newest, Integer.parseInt(m.group(1)));
                }
            }
        }
        assertThat(newest).as("migrations in " + deb.file()).isPositive();
        return newest;
    }

    /** The schema version the coach's local database is at (Flyway's history; the data in it is sealed). */
    private static int schemaVersion(Path laptop) throws Exception {
        Path file = laptop.resolve("coaches/" + InstalledApp.USER + ".db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
