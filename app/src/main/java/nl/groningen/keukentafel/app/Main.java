package nl.groningen.keukentafel.app;

import java.util.concurrent.Callable;
import nl.groningen.keukentafel.app.cli.HeadlessCommands;
import nl.groningen.keukentafel.app.launch.AppArguments;
import nl.groningen.keukentafel.app.launch.KeukentafelApp;
import nl.groningen.keukentafel.app.session.AppOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * Starts the app. A plain main class (not an Application) so the app runs from the classpath with
 * JavaFX as ordinary jars beside it.
 */
@Command(name = "keukentafel", mixinStandardHelpOptions = true, description = "Keukentafel: de app voor coaches.",
        subcommands = {HeadlessCommands.Enroll.class, HeadlessCommands.Sync.class, HeadlessCommands.Status.class,
                HeadlessCommands.Export.class, HeadlessCommands.AddConversation.class})
public final class Main implements Callable<Integer> {

    @Mixin
    AppArguments app = new AppArguments();

    private String[] arguments = new String[0];

    /**
     * Opens the window when the arguments are only the app's own options (the usual start: the
     * full command line is not built at all), otherwise runs the full command line: a headless
     * command, help, or a message about what is wrong.
     */
    public static void main(String[] args) {
        AppOptions options = AppArguments.of(args);
        if (options != null) {
            KeukentafelApp.launch(options, args);
            return;
        }
        Main main = new Main();
        main.arguments = args;
        int exit = new CommandLine(main).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() {
        KeukentafelApp.launch(app.options(), arguments);
        return 0;
    }
}
