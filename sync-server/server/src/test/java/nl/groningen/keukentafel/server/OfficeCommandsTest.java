package nl.groningen.keukentafel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.Enrolment;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The office's command line: make a coach user, a code for their laptop, see and revoke the device. */
class OfficeCommandsTest {

    @TempDir
    Path data;

    @Test
    void theOfficeMakesAUserAndACodeThatEnrolsALaptopAndCanRevokeIt() {
        Dataset demo = new DemoDataGenerator(1, LocalDate.of(2026, 11, 22)).generate(DatasetSize.DEMO);
        try (ServerStore store = ServerStore.open(StoreSettings.embedded(data))) {
            store.importDataset(demo);
        }
        String coach = demo.coaches().get(0).id().toString();

        Result created = run("wachtwoord-van-sanne\n", "create-user", "sanne", "--coach", coach, "--password-stdin");
        Result tooShort = run("kort\n", "create-user", "femke", "--coach", coach, "--password-stdin");
        Result code = run("", "enrolment-code", "sanne");

        assertThat(created.exit).isZero();
        assertThat(created.out).contains("Gebruiker sanne aangemaakt");
        assertThat(tooShort.exit).isEqualTo(2);
        assertThat(tooShort.err).contains("minstens 10 tekens");
        assertThat(code.out.trim()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

        Enrolment enrolment;
        try (ServerStore store = ServerStore.open(StoreSettings.embedded(data))) {
            enrolment = store.accounts().enrol("sanne", "wachtwoord-van-sanne".toCharArray(), code.out.trim(), "Laptop 7",
                    Instant.now());
        }
        assertThat(enrolment).isInstanceOf(Enrolment.Enrolled.class);
        String deviceId = ((Enrolment.Enrolled) enrolment).deviceId().toString();

        assertThat(run("", "devices").out).contains(deviceId, "sanne", "actief");
        assertThat(run("", "revoke", deviceId).out).contains("ingetrokken");
        assertThat(run("", "devices").out).contains("ingetrokken");
        assertThat(run("", "revoke", deviceId).exit).isEqualTo(1);
    }

    @Test
    void devicesShowsWhenEachLaptopLastSyncedInDutchTime() {
        Dataset demo = new DemoDataGenerator(1, LocalDate.of(2026, 11, 22)).generate(DatasetSize.DEMO);
        try (ServerStore store = ServerStore.open(StoreSettings.embedded(data))) {
            store.importDataset(demo);
            store.accounts().createUser("sanne", Role.COACH, demo.coaches().get(0).id(),
                    "wachtwoord-van-sanne".toCharArray());
            store.accounts().createUser("femke", Role.COACH, demo.coaches().get(0).id(),
                    "wachtwoord-van-femke".toCharArray());
            Instant enrolled = Instant.parse("2026-11-20T08:00:00Z");
            String code = store.accounts().createEnrolmentCode("sanne", Duration.ofDays(1), enrolled);
            String other = store.accounts().createEnrolmentCode("femke", Duration.ofDays(1), enrolled);
            Enrolment.Enrolled laptop = (Enrolment.Enrolled) store.accounts().enrol("sanne", "wachtwoord-van-sanne".toCharArray(), code,
                    "Laptop 7", enrolled);
            store.accounts().enrol("femke", "wachtwoord-van-femke".toCharArray(), other, "Laptop 8", enrolled);
            store.accounts().authenticate(laptop.token(), Instant.parse("2026-11-22T16:05:00Z")); // what every push and pull does
        }

        String devices = run("", "devices").out;

        assertThat(devices.lines().filter(l -> l.contains("sanne"))).singleElement().asString()
                .contains("20-11-2026 09:00", "22-11-2026 17:05", "actief");
        assertThat(devices.lines().filter(l -> l.contains("femke"))).singleElement().asString().contains("nooit");
    }

    @Test
    void auditShowsWhoPulledAndChangedAResidentAndWhen() {
        Dataset demo = new DemoDataGenerator(1, LocalDate.of(2026, 11, 22)).generate(DatasetSize.DEMO);
        nl.groningen.keukentafel.contract.Resident resident;
        try (ServerStore store = ServerStore.open(StoreSettings.embedded(data))) {
            store.importDataset(demo);
            java.util.UUID coach = demo.coaches().get(0).id();
            resident = demo.caseloadOf(coach).get(0);
            store.accounts().createUser("sanne", Role.COACH, coach, "wachtwoord-van-sanne".toCharArray());
            Instant at = Instant.parse("2026-11-20T08:00:00Z");
            String code = store.accounts().createEnrolmentCode("sanne", Duration.ofDays(1), at);
            Enrolment.Enrolled laptop = (Enrolment.Enrolled) store.accounts().enrol("sanne", "wachtwoord-van-sanne".toCharArray(), code,
                    "Laptop 7", at);
            store.pullToSend(coach, 0, 100_000, nl.groningen.keukentafel.server.domain.Actor.of(
                    store.accounts().authenticate(laptop.token(), at).orElseThrow()),
                    Instant.parse("2026-11-22T16:05:00Z"));
        }

        Result audit = run("", "audit", resident.clientNumber());
        Result unknown = run("", "audit", "KT9999999");

        assertThat(audit.exit).isZero();
        assertThat(audit.out.lines().filter(l -> l.contains("sanne"))).singleElement().asString()
                .contains("22-11-2026 17:05", "naar laptop gehaald", "coach", "Laptop 7");
        assertThat(audit.out).doesNotContain(resident.surname());
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err).contains("Geen inwoner met cliëntnummer KT9999999");
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(String stdin, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = data.toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream previous = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cli = ServerMain.commandLine(java.util.Map.of());
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute(all);
            return new Result(exit, out.toString(), err.toString());
        } finally {
            System.setIn(previous);
        }
    }
}
