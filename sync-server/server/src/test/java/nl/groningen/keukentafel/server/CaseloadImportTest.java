package nl.groningen.keukentafel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import nl.groningen.keukentafel.server.storage.TestStores;
import nl.groningen.keukentafel.server.ServerCli.Result;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The office imports a caseload file with import-caseload, on both databases, and the coaches' laptops pull it. */
@ExtendWith(TestStores.class)
class CaseloadImportTest {

    private static final String HEADER = "client_number,first_name,surname_prefix,last_name,street,house_number,postcode,city,wijk,"
            + "date_of_birth,phone,known_at_wij,specialist_team,coach\n";
    private static final Coach SANNE = new Coach(UUID.randomUUID(), "Sanne Voorbeeld", "Centrum");
    private static final Coach FEMKE = new Coach(UUID.randomUUID(), "Femke Proef", "Zuid");

    @TempDir
    Path folder;

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aGoodFileIsImportedAndTheCoachesLaptopsPullIt(StoreKind kind, TestStores stores) throws Exception {
        StoreSettings settings = withCoaches(stores.fresh(kind));
        Path file = write("caseload.csv", HEADER
                + "KT9000001,Anna,,Oefensma,Proefstraat,12a,9712ab,Groningen,Centrum,1980-03-04,06 1234 5678,nee,nee,sanne\n"
                + "KT9000002,Jan,de,Vries,Dorpsweg,3,9723 CD,Groningen,Centrum,04-03-1960,,ja,,sanne\n"
                + "KT9000003,Piet,,Puk,Laan,7,9725 EF,Groningen,Helpman,,,,,\n");

        Result first = run(settings, "import-caseload", file.toString(), "--coach", FEMKE.id().toString());

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("3 nieuw, 0 bijgewerkt", "volgende synchronisatie");
        long cursor;
        try (ServerStore store = ServerStore.open(settings)) {
            PullPage sannes = store.pull(SANNE.id(), 0, 100);
            assertThat(residents(sannes)).extracting(Resident::fullName).containsExactlyInAnyOrder("Anna Oefensma", "Jan de Vries");
            assertThat(residents(sannes)).filteredOn(r -> r.surname().equals("Oefensma")).singleElement()
                    .satisfies(r -> assertThat(r.address() + ", " + r.postcode()).isEqualTo("Proefstraat 12a, 9712 AB"));
            assertThat(residents(store.pull(FEMKE.id(), 0, 100))).extracting(Resident::clientNumber).containsExactly("KT9000003");
            cursor = sannes.nextCursor();
        }

        Path moved = write("caseload-2.csv", HEADER
                + "KT9000001,Anna,,Oefensma,Nieuwe Weg,1,9711 AA,Groningen,Oosterpoort,1980-03-04,06 1234 5678,nee,nee,femke\n"
                + "KT9000002,Jan,de,Vries,Dorpsweg,3,9723 CD,Groningen,Centrum,04-03-1960,,ja,,sanne\n");
        Result again = run(settings, "import-caseload", moved.toString());

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 nieuw, 1 bijgewerkt (adres, wijk of telefoon), 1 ongewijzigd",
                "1 bekende cliënt(en) met een andere coach");
        try (ServerStore store = ServerStore.open(settings)) {
            List<Resident> changed = residents(store.pull(SANNE.id(), cursor, 100));
            assertThat(changed).singleElement().satisfies(r -> {
                assertThat(r.clientNumber()).isEqualTo("KT9000001");
                assertThat(r.address() + ", " + r.postcode() + ", " + r.wijk()).isEqualTo("Nieuwe Weg 1, 9711 AA, Oosterpoort");
                assertThat(r.coachId()).isEqualTo(SANNE.id());
            });
            assertThat(store.countResidents()).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aFileWithTwoBadRowsNamesBothLinesAndStoresNothing(StoreKind kind, TestStores stores) throws Exception {
        StoreSettings settings = withCoaches(stores.fresh(kind));
        Path file = write("caseload.csv", HEADER
                + "KT9000001,Anna,,Oefensma,Proefstraat,12a,9712 AB,Groningen,Centrum,1980-03-04,,nee,nee,sanne\n"
                + "KT9000002,Jan,de,Vries,Dorpsweg,3,97AB,Groningen,Centrum,,,,,sanne\n"
                + "KT9000003,Piet,,Puk,Laan,7,9725 EF,Groningen,Helpman,,,,,\n"
                + "KT9000004,Kees,,Smit,Laan,9,9725 EF,Groningen,Helpman,,,,,onbekend\n");

        Result result = run(settings, "import-caseload", file.toString(), "--coach", "sanne");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().lines().toList()).containsExactly(
                "Niets geïmporteerd: 2 fouten in caseload.csv.",
                "regel 3: postcode '97AB' is geen geldige postcode (zoals 9712 AB)",
                "regel 5: coach 'onbekend' is geen coach-gebruiker en geen coach-id");
        try (ServerStore store = ServerStore.open(settings)) {
            assertThat(store.countResidents()).isZero();
            assertThat(store.pull(SANNE.id(), 0, 100).changes()).isEmpty();
        }
    }

    private StoreSettings withCoaches(StoreSettings settings) {
        try (ServerStore store = ServerStore.open(settings)) {
            store.importDataset(new Dataset(List.of(SANNE, FEMKE), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of()));
            store.accounts().createUser("sanne", Role.COACH, SANNE.id(), "wachtwoord-van-sanne".toCharArray());
            store.accounts().createUser("femke", Role.COACH, FEMKE.id(), "wachtwoord-van-femke".toCharArray());
        }
        return settings;
    }

    private static List<Resident> residents(PullPage page) {
        return page.changes().stream().filter(c -> c.kind().equals("resident")).map(PulledChange::body)
                .map(body -> Json.mapper().convertValue(body, Resident.class)).toList();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }


    /** The command line as an operator runs it, pointed at the test database by URL (and password by environment). */
    private static Result run(StoreSettings settings, String... args) {
        Map<String, String> environment = new HashMap<>();
        if (settings.password() != null) {
            environment.put("KEUKENTAFEL_JDBC_PASSWORD", settings.password());
        }
        if (settings.user() != null) {
            environment.put("KEUKENTAFEL_JDBC_USER", settings.user());
        }
        environment.put("KEUKENTAFEL_JDBC_URL", settings.jdbcUrl());
        return ServerCli.run(environment, args);
    }
}
