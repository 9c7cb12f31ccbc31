package nl.groningen.keukentafel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.server.ServerCli.Result;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The office makes a coach and their user without touching the database (add-coach, coaches,
 * create-user --coach), on both databases; every mistake is one Dutch line, never a stack trace.
 */
@ExtendWith(TestStores.class)
class CoachCommandsTest {

    private static final Coach SANNE = new Coach(UUID.randomUUID(), "Sanne Voorbeeld", "Zuid");
    private static final Pattern NEW_ID = Pattern.compile("met id ([0-9a-f-]{36})");

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void theOfficeAddsACoachSeesItListedAndMakesTheirUser(StoreKind kind, TestStores stores) {
        StoreSettings settings = withSanne(stores.fresh(kind));

        Result added = run(settings, "", "add-coach", "Femke Proef", "--area", "zuid");

        assertThat(added.exit()).as(added.err()).isZero();
        Matcher id = NEW_ID.matcher(added.out());
        assertThat(id.find()).as(added.out()).isTrue();
        String femke = id.group(1);
        assertThat(added.out()).contains("Coach Femke Proef (Zuid) toegevoegd", "create-user NAAM --coach " + femke);

        Result user = run(settings, "wachtwoord-van-femke\n", "create-user", "femke", "--coach", femke, "--password-stdin");
        Result coaches = run(settings, "", "coaches");

        assertThat(user.exit()).as(user.err()).isZero();
        assertThat(user.out()).contains("Gebruiker femke aangemaakt");
        assertThat(coaches.exit()).as(coaches.err()).isZero();
        assertThat(coaches.out().lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                .contains("coach-id", "naam", "gebied", "cliënten", "gebruiker(s)"));
        assertThat(coaches.out().lines().filter(l -> l.startsWith(femke))).singleElement().asString()
                .contains("Femke Proef", "Zuid", " 0  femke");
        assertThat(coaches.out().lines().filter(l -> l.startsWith(SANNE.id().toString()))).singleElement().asString()
                .contains("Sanne Voorbeeld", "Zuid", " 1  geen");
        try (ServerStore store = ServerStore.open(settings)) {
            assertThat(store.accounts().coachOf("femke")).contains(UUID.fromString(femke));
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aWrongCoachIsOneDutchLineAndNoUserIsMade(StoreKind kind, TestStores stores) {
        StoreSettings settings = withSanne(stores.fresh(kind));

        Result unknownCoach = run(settings, "wachtwoord-van-femke\n", "create-user", "femke", "--coach",
                UUID.randomUUID().toString(), "--password-stdin");
        Result notAnId = run(settings, "wachtwoord-van-femke\n", "create-user", "femke", "--coach", "femke", "--password-stdin");
        Result noCoach = run(settings, "wachtwoord-van-femke\n", "create-user", "femke", "--password-stdin");
        Result unknownUser = run(settings, "", "enrolment-code", "niemand");
        Result typo = run(settings, "", "add-coach", "Femke Proef", "--area", "Zuidd");
        Result assignToNoCoach = run(settings, "", "assign", "--to", UUID.randomUUID().toString(), "KT9000001");

        assertOneDutchLine(unknownCoach, 1, "Er is geen coach met id");
        assertOneDutchLine(notAnId, 2, "Ongeldige waarde voor --coach");
        assertOneDutchLine(noCoach, 2, "heeft --coach COACH-ID nodig");
        assertOneDutchLine(unknownUser, 1, "Er is geen gebruiker niemand");
        assertOneDutchLine(typo, 2, "Onbekend gebied 'Zuidd'; bekende gebieden: Zuid.");
        assertOneDutchLine(assignToNoCoach, 1, "Geen coach met gebruikersnaam of id");
        try (ServerStore store = ServerStore.open(settings)) {
            assertThat(store.accounts().exists("femke")).isFalse();
            assertThat(store.coaches().list()).hasSize(1);
        }
        assertThat(run(settings, "", "add-coach", "Femke Proef", "--area", "Zuidd", "--new-area").exit()).isZero();
    }

    @Test
    void anUnreachableDatabaseIsOneDutchLine() {
        Result result = ServerCli.run(Map.of("KEUKENTAFEL_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/keukentafel",
                "KEUKENTAFEL_JDBC_USER", "keukentafel", "KEUKENTAFEL_JDBC_PASSWORD", "geheim"), "coaches");

        assertOneDutchLine(result, 1, "De database is niet bereikbaar: controleer --jdbc-url");
        assertThat(result.err()).doesNotContain("geheim");
    }

    @Test
    void aWrongOptionOrSettingIsOneDutchLine() {
        assertOneDutchLine(ServerCli.run(Map.of(), "coaches", "--kleur", "rood"), 2, "Onbekende optie --kleur.");
        assertOneDutchLine(ServerCli.run(Map.of()), 2, "Geef een opdracht");
        assertOneDutchLine(ServerCli.run(Map.of(), "import-caseload", "/bestaat/niet.csv"), 1,
                "Het bestand /bestaat/niet.csv bestaat niet.");
        assertOneDutchLine(ServerCli.run(Map.of(), "add-coach", "Femke Proef"), 2, "Niet gegeven: --area.");
        assertOneDutchLine(ServerCli.run(Map.of(), "enrolment-code", "sanne", "--valid-hours", "lang"), 2,
                "Ongeldige waarde voor --valid-hours: verwacht een heel getal.");
        assertOneDutchLine(ServerCli.run(Map.of("KEUKENTAFEL_JDBC_URL", "jdbc:mysql://db/keukentafel"), "coaches"), 2,
                "Fout in de instellingen:");
    }

    @Test
    void everyCommandsHelpIsDutch() {
        Result root = ServerCli.run(Map.of(), "--help");
        assertThat(root.exit()).isZero();
        assertThat(root.out()).contains("Gebruik: keukentafel-server", "Opdrachten:", "add-coach", "coaches",
                "Toon deze hulp en stop.").doesNotContain("Usage:", "Commands:", "Show this help");
        for (String command : new String[] {"serve", "add-coach", "coaches", "create-user", "enrolment-code", "devices", "revoke",
                "assign", "import-caseload", "backup", "restore", "mark-restored"}) {
            Result help = ServerCli.run(Map.of(), command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Gebruik: keukentafel-server " + command, "Opties:", "Toon deze hulp en stop.")
                    .doesNotContain("Usage:", "Show this help", "Folder for", "The coach", "default:");
        }
        assertThat(ServerCli.run(Map.of(), "add-coach", "--help").out()).contains("Voeg een coach toe", "--area=GEBIED");
    }

    private static void assertOneDutchLine(Result result, int exit, String expected) {
        assertThat(result.exit()).as(result.err()).isEqualTo(exit);
        assertThat(result.err().strip()).as("one line").doesNotContain("\n").contains(expected);
        assertThat(result.err() + result.out()).doesNotContain("Exception", "at nl.", "at java.", "Usage:");
    }

    private static StoreSettings withSanne(StoreSettings settings) {
        Resident anna = new Resident(UUID.randomUUID(), SANNE.id(), "KT9000001", "Anna", null, "Oefensma", "Proefstraat", "12a",
                "9722 AB", "De Wijert", null, null, false, false, 6, Initiative.COACH, OutreachStatus.TO_SCHEDULE, null);
        try (ServerStore store = ServerStore.open(settings)) {
            store.importDataset(new Dataset(List.of(SANNE), List.of(anna), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of()));
        }
        return settings;
    }

    private static Result run(StoreSettings settings, String stdin, String... args) {
        Map<String, String> environment = new HashMap<>();
        environment.put("KEUKENTAFEL_JDBC_URL", settings.jdbcUrl());
        if (settings.user() != null) {
            environment.put("KEUKENTAFEL_JDBC_USER", settings.user());
            environment.put("KEUKENTAFEL_JDBC_PASSWORD", settings.password());
        }
        InputStream previous = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return ServerCli.run(environment, args);
        } finally {
            System.setIn(previous);
        }
    }
}
