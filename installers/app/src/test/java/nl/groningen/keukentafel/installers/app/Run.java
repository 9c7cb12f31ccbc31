package nl.groningen.keukentafel.installers.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A finished process in a test: its exit code and what it printed. */
record Run(List<String> command, int exit, String out, String err) {

    /** Runs a command to its end (at most {@code timeoutSeconds}), with extra environment variables. */
    static Run of(List<String> command, Map<String, String> environment, long timeoutSeconds) {
        try {
            Path out = Files.createTempFile("run", ".out");
            Path err = Files.createTempFile("run", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s\n" + Files.readString(out)
                            + Files.readString(err));
                }
                return new Run(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted running " + command, e);
        }
    }

    static Run of(String... command) {
        return of(List.of(command), Map.of(), 300);
    }

    /** Fails with the command and its output unless it exited with {@code expected}. */
    Run expectExit(int expected) {
        if (exit != expected) {
            throw new AssertionError(String.join(" ", command) + " exited with " + exit + ", expected " + expected
                    + "\n--- stdout\n" + out + "--- stderr\n" + err);
        }
        return this;
    }

    Run expectSuccess() {
        return expectExit(0);
    }

    /** The number (Dutch: 4.028 is four thousand and twenty-eight) after the first line of stdout starting with {@code prefix}. */
    long number(String prefix) {
        for (String line : out.lines().toList()) {
            if (line.startsWith(prefix)) {
                return Long.parseLong(line.substring(prefix.length()).trim().replace(".", ""));
            }
        }
        throw new AssertionError("No line starting with '" + prefix + "' in\n" + out);
    }

    static List<String> list(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
