package nl.groningen.keukentafel.app.sync;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import nl.groningen.keukentafel.app.Main;
import picocli.CommandLine;

/**
 * The app's headless command line (enroll, sync), run in this JVM as a support script runs it:
 * the password on standard input, what it printed kept for the test to read.
 */
final class HeadlessCli {

    /** What the last command printed on standard output and on standard error. */
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs one command with {@code password} on standard input; returns its exit code. */
    int run(String password, String... args) {
        InputStream stdin = System.in;
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        try {
            System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
            CommandLine commandLine = new CommandLine(new Main());
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            return commandLine.execute(args);
        } finally {
            System.setIn(stdin);
        }
    }
}
