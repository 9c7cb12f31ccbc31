package nl.groningen.keukentafel.installers.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The app as the .deb installs it ({@code .../opt/keukentafel}), wherever it was unpacked: its
 * native launcher, its class-data-sharing script, and the headless commands run through the launcher.
 */
record InstalledApp(Path folder) {

    static final String USER = "sanne";
    static final String PASSWORD = "keukentafel";
    private static final long START_TIMEOUT_MS = 120_000;

    Path launcher() {
        return folder.resolve("bin/Keukentafel");
    }

    Path appFolder() {
        return folder.resolve("lib/app");
    }

    Path archive() {
        return appFolder().resolve("keukentafel.jsa");
    }

    /** What the package's postinst does after unpacking: make the class-data-sharing archive. */
    void makeArchive() {
        Run.of(appFolder().resolve("keukentafel-cds").toString(), "make").expectSuccess();
        if (!Files.isRegularFile(archive())) {
            throw new AssertionError("keukentafel-cds made no " + archive());
        }
    }

    /** What the package's prerm does: remove the archive. */
    void removeArchive() {
        Run.of(appFolder().resolve("keukentafel-cds").toString(), "remove").expectSuccess();
    }

    /** The installed launcher with these arguments, as the demo coach (password from the environment). */
    Run run(List<String> arguments, Map<String, String> environment) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("KEUKENTAFEL_PASSWORD", PASSWORD);
        return Run.of(Run.list(launcher().toString(), arguments), env, 300);
    }

    /** A headless command for the demo coach on the data folder {@code data}. */
    Run command(String command, Path data, String... more) {
        List<String> arguments = new ArrayList<>(List.of(command, "--user", USER, "--data-dir", data.toString()));
        arguments.addAll(List.of(more));
        return run(arguments, Map.of());
    }

    /**
     * One start of the installed launcher on a display until the app reports the login's first frame
     * ({@code keukentafel.startup.report}, through JAVA_TOOL_OPTIONS): the milliseconds from just
     * before the process started. Then the app is stopped.
     */
    long startToLogin(VirtualDisplay display, Path data, Path home, String... extra) throws IOException, InterruptedException {
        return startToLogin(Map.of("DISPLAY", display.display()), List.of(), data, home, extra);
    }

    /** The same start without a display: JavaFX on Monocle's headless platform ({@link HeadlessJavaFx}). */
    long startHeadlessToLogin(Path data, Path home, String... extra) throws IOException, InterruptedException {
        return startToLogin(Map.of(), HeadlessJavaFx.patchedOptions(), data, home, extra);
    }

    private long startToLogin(Map<String, String> environment, List<String> toolOptions, Path data, Path home, String... extra)
            throws IOException, InterruptedException {
        Path report = Files.createTempFile(home, "startup", ".txt");
        List<String> command = new ArrayList<>(List.of(launcher().toString(), "--data-dir", data.toString()));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(home.resolve("app.log").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("HOME", home.toString());
        List<String> options = new ArrayList<>(toolOptions);
        options.add("-Dkeukentafel.startup.report=" + report);
        builder.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", options));
        long launched = System.currentTimeMillis();
        Process process = builder.start();
        try {
            long until = launched + START_TIMEOUT_MS;
            while (System.currentTimeMillis() < until) {
                String line = Files.readString(report, StandardCharsets.UTF_8).trim();
                if (line.startsWith("login_shown ")) {
                    return Long.parseLong(line.substring("login_shown ".length()).trim()) - launched;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("The app stopped (exit " + process.exitValue() + ") before its login was shown:\n"
                            + Files.readString(home.resolve("app.log")));
                }
                Thread.sleep(10);
            }
            throw new AssertionError("No login screen within " + START_TIMEOUT_MS + " ms:\n" + Files.readString(home.resolve("app.log")));
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
