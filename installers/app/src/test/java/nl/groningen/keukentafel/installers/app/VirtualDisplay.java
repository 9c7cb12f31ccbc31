package nl.groningen.keukentafel.installers.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An X server without a screen (Xvfb) on a free display number, for starting the installed app with
 * GTK where no desktop is: the installed app's start-up benchmark ({@code DebBenchmark}), which
 * measures a real window. The build and the tests need no X server ({@link HeadlessJavaFx}).
 * Closing it stops the server.
 */
public final class VirtualDisplay implements AutoCloseable {

    private final Process xvfb;
    private final String display;

    private VirtualDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** Starts Xvfb; it picks a free display itself and says which once it accepts connections. */
    public static VirtualDisplay start() throws IOException {
        if (!Tool.onPath("Xvfb")) {
            throw new IllegalStateException("Xvfb is not installed: the installed app's start-up benchmark starts "
                    + "it in a real window on a virtual display (on Debian: apt-get install xvfb libgtk-3-0 libgl1 libxtst6 libxxf86vm1)");
        }
        Process process = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String line = number.get(20, TimeUnit.SECONDS);
            if (line == null || line.isBlank()) {
                throw new IllegalStateException("Xvfb did not start (exit code " + (process.isAlive() ? "-" : process.exitValue()) + ")");
            }
            return new VirtualDisplay(process, ":" + line.trim());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Xvfb", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Xvfb did not say its display within 20 s", e);
        }
    }

    /** The value for DISPLAY, e.g. {@code :1}. */
    public String display() {
        return display;
    }

    @Override
    public void close() {
        xvfb.destroy();
        try {
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
