package nl.groningen.keukentafel.server;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** The server's command line as an operator runs it, in-process, with the environment it would have. */
final class ServerCli {

    private ServerCli() {
    }

    /** What a command printed and its exit code. */
    record Result(int exit, String out, String err) {
    }

    static Result run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ServerMain.commandLine(new HashMap<>(environment));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
