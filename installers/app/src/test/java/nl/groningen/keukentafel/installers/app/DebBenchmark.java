package nl.groningen.keukentafel.installers.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb's figures. {@code installers.deb_mb}: its size in MB (10^6 bytes), one decimal.
 * {@code installers.start_ms}: the installed app (the .deb unpacked into a temporary root, its
 * postinst's archive step run there) started by its native launcher under Xvfb, from just before the
 * process is started to the login screen's first frame (the app's {@code keukentafel.startup.report},
 * passed through JAVA_TOOL_OPTIONS); the median of 5 starts, after one start that makes the demo
 * coach's profile and warms the operating system's file cache. Each start is printed too.
 */
@Tag("bench")
class DebBenchmark {

    private static final int RUNS = 5;
    private static final long TIMEOUT_MS = 120_000;

    @TempDir
    Path root;
    @TempDir
    Path data;
    @TempDir
    Path home;

    @Test
    void packageSizeAndStartToTheLoginScreen() throws Exception {
        DebPackage deb = DebPackage.in(DebPackage.buildOutput());
        double megabytes = Files.size(deb.file()) / 1_000_000.0;
        InstalledApp app = deb.extractTo(root);
        app.makeArchive();

        List<Long> starts = new ArrayList<>();
        try (VirtualDisplay display = nl.groningen.keukentafel.installers.app.VirtualDisplay.start()) {
            long warmUp = startToLogin(app, display, "--demo");
            System.out.println("# warm-up start (makes the demo profile, fills the file cache): " + warmUp + " ms");
            for (int i = 1; i <= RUNS; i++) {
                long ms = startToLogin(app, display);
                System.out.println("# start " + i + ": " + ms + " ms");
                starts.add(ms);
            }
        }
        long[] sorted = starts.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.println("figure installers.deb_mb " + String.format(Locale.ROOT, "%.1f", megabytes) + " MB");
        System.out.println("figure installers.start_ms " + sorted[sorted.length / 2] + " ms");
        System.out.println("# all starts: " + Arrays.toString(sorted));
    }

    /** One start of the installed launcher until it reports the login's first frame; then it is stopped. */
    private long startToLogin(InstalledApp app, VirtualDisplay display, String... extra) throws IOException, InterruptedException {
        Path report = Files.createTempFile(home, "startup", ".txt");
        List<String> command = new ArrayList<>(List.of(app.launcher().toString(), "--data-dir", data.toString()));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(home.resolve("app.log").toFile());
        builder.environment().put("DISPLAY", display.display());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Dkeukentafel.startup.report=" + report);
        long launched = System.currentTimeMillis();
        Process process = builder.start();
        try {
            long until = launched + TIMEOUT_MS;
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
            throw new AssertionError("No login screen within " + TIMEOUT_MS + " ms:\n" + Files.readString(home.resolve("app.log")));
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
