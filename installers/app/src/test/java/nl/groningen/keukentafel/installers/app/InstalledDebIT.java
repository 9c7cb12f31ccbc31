package nl.groningen.keukentafel.installers.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.demo.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb of this build, unpacked into a temporary root as dpkg would, with its postinst's archive
 * step run there: the installed launcher enrols with a real sync server, syncs the demo caseload and
 * reports it, and starts with the class-data-sharing archive mapped.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the .deb is built and installed on Linux")
class InstalledDebIT {

    @TempDir
    static Path root;
    static DebPackage deb;
    static InstalledApp app;

    @BeforeAll
    static void install() {
        deb = DebPackage.in(DebPackage.buildOutput());
        app = deb.extractTo(root);
        app.makeArchive();
    }

    @Test
    void controlFileNamesThePackageTheVersionAndTheGraphicsLibraries() {
        String version = System.getProperty("project.version", "0.2.0-SNAPSHOT").replace("-SNAPSHOT", "");
        assertThat(deb.field("Package")).isEqualTo("keukentafel");
        assertThat(deb.field("Version")).isEqualTo(version + "-1");
        assertThat(deb.field("Architecture")).isEqualTo("amd64");
        assertThat(List.of(deb.field("Depends").split(",\\s*")))
                .contains("libgtk-3-0", "libgl1", "libxtst6", "libxxf86vm1");
    }

    @Test
    void installsUnderOptWithAMenuEntryInTheOfficeCategory() throws Exception {
        assertThat(deb.files()).contains("./opt/keukentafel/bin/Keukentafel", "./opt/keukentafel/lib/app/keukentafel-cds",
                "./opt/keukentafel/lib/app/keukentafel.classlist", "./opt/keukentafel/lib/Keukentafel.png",
                "./opt/keukentafel/lib/app/native/libsqlitejdbc.so");
        assertThat(deb.files()).noneMatch(f -> f.endsWith(".jsa"));
        Path desktop = app.folder().resolve("lib/keukentafel-Keukentafel.desktop");
        assertThat(Files.readString(desktop)).contains("Categories=Office", "Exec=/opt/keukentafel/bin/Keukentafel",
                "Icon=/opt/keukentafel/lib/Keukentafel.png");
    }

    @Test
    void launcherStartsWithTheArchiveMappedAndTheAppsClassesInIt() {
        // -Xshare:on makes a JVM that cannot use the archive fail instead of starting without it.
        Run run = app.run(List.of("--help"), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info"));
        run.expectSuccess();
        assertThat(run.out()).contains("nl.groningen.keukentafel.app.Main source: shared objects file")
                .contains("picocli.CommandLine source: shared objects file");
    }

    @Test
    void installedLauncherEnrolsSyncsTheDemoCaseloadAndReportsIt(@TempDir Path serverData, @TempDir Path laptop)
            throws Exception {
        try (TestSyncServer server = new TestSyncServer(serverData).start()) {
            app.command("enroll", laptop, "--server", server.url(), "--code", server.enrolmentCode()).expectSuccess();
            app.command("sync", laptop).expectSuccess();
            Run status = app.command("status", laptop).expectSuccess();

            assertThat(status.out()).contains(server.url());
            assertThat(status.number("Inwoners in de caseload:")).isEqualTo(demoCaseloadOfSanne());
            assertThat(status.number("Wachtende wijzigingen:")).isZero();
            assertThat(status.number("Opgehaald tot volgnummer:")).isPositive();

            // The SQLite driver loads its native library from the app's folder (jvm.options), so the
            // app works where the temporary folder cannot be written to or run from.
            Run withoutTemp = app.run(List.of("status", "--user", InstalledApp.USER, "--data-dir", laptop.toString()),
                    Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + laptop.resolve("no-such-folder")));
            withoutTemp.expectSuccess();
            assertThat(withoutTemp.number("Inwoners in de caseload:")).isEqualTo(demoCaseloadOfSanne());
        }
    }

    @Test
    void installedAppOpensItsWindowAndReportsTheLoginScreen(@TempDir Path data, @TempDir Path home) throws Exception {
        assertThat(app.startHeadlessToLogin(data, home, "--demo")).isBetween(1L, 120_000L);
    }

    @Test
    void removingTheArchiveLeavesTheAppStartingWithoutIt() throws Exception {
        Path copy = root.resolve("second");
        InstalledApp second = deb.extractTo(copy);
        second.makeArchive();
        second.removeArchive();
        assertThat(second.archive()).doesNotExist();
        assertThat(second.run(List.of("--help"), Map.of()).expectSuccess().out()).contains("--data-dir");
    }

    /** The residents the server's demo assigns to sanne: the same generator, seed and day. */
    static long demoCaseloadOfSanne() {
        Dataset demo = DemoProfile.dataset(Clock.system(ZoneId.of("Europe/Amsterdam")));
        return demo.residents().stream().filter(r -> r.coachId().equals(demo.coaches().get(0).id())).count();
    }
}
