package nl.groningen.keukentafel.installers.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built package as an operator gets it: the .deb's control data and files, its unit as systemd
 * reads it, and the unpacked launcher running the server (help, serve, /health, backup while it
 * runs, restore only once it is stopped); the tar.gz holds the same server.
 */
class ServerPackageTest {

    private static final Path PACKAGES = Path.of(System.getProperty("package.dir", "target"));
    private static final String VERSION = System.getProperty("package.version", "0.2.0-SNAPSHOT");
    private static final String UNIT = "lib/systemd/system/keukentafel-server.service";

    @TempDir
    static Path unpacked;

    @BeforeAll
    static void unpackTheDeb() throws Exception {
        assumeDpkg();
        run(List.of("dpkg-deb", "-x", deb().toString(), unpacked.toString()), Map.of(), 60).assertExit(0);
    }

    @Test
    void theDebSaysWhatItIsWhatItNeedsAndWhichSettingsAreTheOperators() throws Exception {
        Ran info = run(List.of("dpkg-deb", "-I", deb().toString()), Map.of(), 60);
        Ran contents = run(List.of("dpkg-deb", "-c", deb().toString()), Map.of(), 60);

        info.assertExit(0);
        assertThat(deb().getFileName().toString()).isEqualTo("keukentafel-server_" + VERSION.replace('-', '~') + "_all.deb");
        assertThat(info.out).contains(" Package: keukentafel-server", " Version: " + VERSION.replace('-', '~'), " Architecture: all",
                " Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless", "adduser", " Installed-Size: ");
        assertThat(info.out).contains("postinst", "prerm", "postrm", "conffiles");
        Path control = Files.createTempDirectory("control");
        run(List.of("dpkg-deb", "-e", deb().toString(), control.toString()), Map.of(), 60).assertExit(0);
        assertThat(Files.readAllLines(control.resolve("conffiles")))
                .containsExactlyInAnyOrder("/etc/keukentafel/server.properties", "/etc/default/keukentafel-server");
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertThat(Files.getPosixFilePermissions(control.resolve(script))).contains(PosixFilePermission.OWNER_EXECUTE);
            run(List.of("sh", "-n", control.resolve(script).toString()), Map.of(), 10).assertExit(0);
        }
        String postinst = Files.readString(control.resolve("postinst"));
        assertThat(postinst).contains("adduser --system", "0750 /var/lib/keukentafel-server");
        assertThat(postinst.lines().filter(l -> !l.trim().startsWith("echo")))
                .as("a first install neither enables nor starts the service").noneMatch(l -> l.contains("systemctl enable"));
        assertThat(contents.out).contains("root/root", "./opt/keukentafel-server/keukentafel-server.jar",
                "./opt/keukentafel-server/lib/", "./opt/keukentafel-server/bin/keukentafel-server", "./" + UNIT,
                "./lib/systemd/system/keukentafel-server-backup.timer", "./etc/keukentafel/server.properties",
                "./usr/bin/keukentafel-server -> ../../opt/keukentafel-server/bin/keukentafel-server");
        assertThat(Files.readString(unpacked.resolve("etc/keukentafel/server.properties")))
                .contains("\ndata.dir = /var/lib/keukentafel-server\n");
    }

    @Test
    void theUnitRunsTheLauncherAsItsOwnUserWithItsConfigAndHardening() throws Exception {
        String unit = Files.readString(unpacked.resolve(UNIT));

        assertThat(unit).contains("User=keukentafel", "ExecStart=/opt/keukentafel-server/bin/keukentafel-server serve --config "
                + "/etc/keukentafel/server.properties", "Restart=on-failure", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "ReadWritePaths=/var/lib/keukentafel-server", "PrivateTmp=yes", "TimeoutStopSec=45", "SuccessExitStatus=143");
        Optional<Path> analyze = onPath("systemd-analyze");
        if (analyze.isEmpty()) {
            System.out.println("systemd-analyze not found: the unit files were not verified by systemd");
            return;
        }
        // systemd checks that ExecStart's program exists: the copies point to the unpacked one.
        Path units = Files.createTempDirectory("units");
        List<String> names = List.of("keukentafel-server.service", "keukentafel-server-backup.service",
                "keukentafel-server-backup.timer");
        List<String> command = new ArrayList<>(List.of(analyze.get().toString(), "verify"));
        for (String name : names) {
            String text = Files.readString(unpacked.resolve("lib/systemd/system").resolve(name));
            command.add(Files.writeString(units.resolve(name),
                    text.replace("/opt/keukentafel-server", unpacked.resolve("opt/keukentafel-server").toString())).toString());
        }
        Ran verified = run(command, Map.of(), 60);
        assertThat(verified.exit).as(verified.out).isZero();
        assertThat(verified.out).doesNotContain("Unknown key", "Unknown section", "Failed to parse", "Invalid", "not executable");
    }

    @Test
    void theUnpackedLauncherServesAnswersHealthBacksUpAndRestoresOnlyWhenStopped() throws Exception {
        Path launcher = unpacked.resolve("opt/keukentafel-server/bin/keukentafel-server");
        Path data = Files.createTempDirectory(unpacked.getParent(), "data");
        Path backup = data.getParent().resolve(data.getFileName() + "-backup.db");

        Ran help = run(List.of(launcher.toString(), "--help"), Map.of(), 60);
        help.assertExit(0);
        assertThat(help.out).contains("serve", "backup", "restore", "mark-restored", "enrolment-code", "revoke");

        int port = freePort();
        Process server = new ProcessBuilder(launcher.toString(), "serve", "--port", Integer.toString(port), "--data-dir",
                data.toString()).redirectErrorStream(true).redirectOutput(data.getParent().resolve("server.log").toFile()).start();
        try {
            HttpResponse<String> health = awaitHealth(port, server);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"", "\"store\":\"sqlite\"");

            Ran backedUp = run(List.of(launcher.toString(), "backup", "--to", backup.toString(), "--data-dir", data.toString()),
                    Map.of(), 120);
            backedUp.assertExit(0);
            assertThat(backedUp.out).contains("Back-up gemaakt");
            Ran refused = run(List.of(launcher.toString(), "restore", "--from", backup.toString(), "--data-dir", data.toString()),
                    Map.of(), 120);
            assertThat(refused.exit).isEqualTo(3);
            assertThat(refused.out).contains("De server draait nog");
        } finally {
            server.destroy(); // SIGTERM, as systemctl stop sends
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(server.exitValue()).as("a SIGTERM stop ends cleanly (the unit's SuccessExitStatus)").isIn(0, 143);
        assertThat(Files.readString(data.getParent().resolve("server.log"))).contains("event=started", "event=stopped");

        Ran restored = run(List.of(launcher.toString(), "restore", "--from", backup.toString(), "--data-dir", data.toString()),
                Map.of(), 120);
        restored.assertExit(0);
        assertThat(restored.out).contains("Teruggezet uit", "before-restore-");
    }

    @Test
    void theLauncherSaysClearlyWhenJavaIsTooOld() throws Exception {
        Path fakeJdk = Files.createTempDirectory("old-jdk");
        Path java = Files.createDirectories(fakeJdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = 11' >&2\n", StandardCharsets.UTF_8);
        java.toFile().setExecutable(true);

        Ran tooOld = run(List.of(unpacked.resolve("opt/keukentafel-server/bin/keukentafel-server").toString(), "--help"),
                Map.of("JAVA_HOME", fakeJdk.toString()), 30);

        assertThat(tooOld.exit).isEqualTo(127);
        assertThat(tooOld.out).contains("is Java 11", "needs Java 17 or newer", "JAVA_HOME");
    }

    @Test
    void theTarballHoldsTheSameServerForOtherHosts() throws Exception {
        Path tarball = PACKAGES.resolve("keukentafel-server-" + VERSION + ".tar.gz");
        Ran listed = run(List.of("tar", "-tvzf", tarball.toString()), Map.of(), 60);

        listed.assertExit(0);
        String top = "keukentafel-server-" + VERSION + "/";
        assertThat(listed.out).contains(top + "keukentafel-server.jar", top + "lib/", top + "systemd/keukentafel-server.service",
                top + "keukentafel-server.example.properties", top + "operations.md");
        assertThat(listed.out.lines().filter(l -> l.endsWith(top + "bin/keukentafel-server"))).singleElement()
                .asString().startsWith("-rwxr-xr-x");
        try (Stream<Path> libs = Files.list(unpacked.resolve("opt/keukentafel-server/lib"))) {
            long inDeb = libs.count();
            assertThat(listed.out.lines().filter(l -> l.contains(top + "lib/") && l.endsWith(".jar"))).hasSize((int) inDeb);
        }
    }

    private static HttpResponse<String> awaitHealth(int port, Process server) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("The server did not answer /health (alive: " + server.isAlive() + ")", notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    private static Path deb() throws IOException {
        try (Stream<Path> files = Files.list(PACKAGES)) {
            return files.filter(f -> f.getFileName().toString().matches("keukentafel-server_.*_all\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("No keukentafel-server_*_all.deb in " + PACKAGES));
        }
    }

    /** Without dpkg-deb (a machine that is not Debian) the .deb is not built: skipped there, required in CI. */
    private static void assumeDpkg() {
        boolean found = onPath("dpkg-deb").isPresent();
        if (!found && System.getenv("CI") != null) {
            throw new AssertionError("dpkg-deb is missing: the .deb cannot be built or checked");
        }
        Assumptions.assumeTrue(found, "dpkg-deb not found: the .deb was not built and is not checked here");
    }

    private static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).map(folder -> Path.of(folder, name))
                .filter(Files::isExecutable).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Ran(int exit, String out) {
        void assertExit(int expected) {
            assertThat(exit).as(out).isEqualTo(expected);
        }
    }

    private static Ran run(List<String> command, Map<String, String> environment, int timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Ran(process.exitValue(), out);
    }
}
