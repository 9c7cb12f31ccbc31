package nl.groningen.keukentafel.installers.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
        try (VirtualDisplay display = VirtualDisplay.start()) {
            long warmUp = app.startToLogin(display, data, home, "--demo");
            System.out.println("# warm-up start (makes the demo profile, fills the file cache): " + warmUp + " ms");
            for (int i = 1; i <= RUNS; i++) {
                long ms = app.startToLogin(display, data, home);
                System.out.println("# start " + i + ": " + ms + " ms");
                starts.add(ms);
            }
        }
        long[] sorted = starts.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.println("figure installers.deb_mb " + String.format(Locale.ROOT, "%.1f", megabytes) + " MB");
        System.out.println("figure installers.start_ms " + sorted[sorted.length / 2] + " ms");
        System.out.println("# all starts: " + Arrays.toString(sorted));
    }
}
