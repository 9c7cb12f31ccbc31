package nl.groningen.keukentafel.installers.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a command-line tool (jdeps, jlink, jpackage, the training JVM): its output goes to a
 * log file, and a failure throws with the log's last lines, so the build says what went wrong.
 */
final class Tool {

    private final List<String> command = new ArrayList<>();
    private final Map<String, String> environment = new java.util.LinkedHashMap<>();
    private long timeoutSeconds = 600;

    private Tool(String executable) {
        command.add(executable);
    }

    /** A JDK tool of the JDK that runs this build (jdeps, jlink, jpackage). */
    static Tool jdk(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name + (isWindows() ? ".exe" : ""));
        if (!Files.isExecutable(tool)) {
            throw new IllegalStateException(name + " is missing from the JDK at " + System.getProperty("java.home")
                    + ": packaging needs a full JDK 17 (on Debian: apt-get install openjdk-17-jdk-headless)");
        }
        return new Tool(tool.toString());
    }

    static Tool of(String executable) {
        return new Tool(executable);
    }

    static boolean isWindows() {
        return System.getProperty("os.name").startsWith("Windows");
    }

    static boolean isMac() {
        return System.getProperty("os.name").startsWith("Mac");
    }

    /** Whether an executable of this name is on the PATH. */
    static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
                return true;
            }
        }
        return false;
    }

    Tool args(String... arguments) {
        command.addAll(List.of(arguments));
        return this;
    }

    Tool args(List<String> arguments) {
        command.addAll(arguments);
        return this;
    }

    Tool env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Tool timeoutSeconds(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    /** Runs the tool with its output in {@code log}; returns the output, or throws if it failed. */
    String run(Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(describe() + " did not finish in " + timeoutSeconds + " s; its output: "
                        + log + "\n" + tail(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(describe() + " failed with exit code " + process.exitValue()
                        + "; its output (" + log + "):\n" + tail(log));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + describe(), e);
        }
    }

    private String describe() {
        return Path.of(command.get(0)).getFileName().toString();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
