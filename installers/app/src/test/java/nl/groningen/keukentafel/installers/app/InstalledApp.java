package nl.groningen.keukentafel.installers.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The app as the .deb installs it ({@code .../opt/keukentafel}), wherever it was unpacked: its
 * native launcher, its class-data-sharing script, and the headless commands run through the launcher.
 */
record InstalledApp(Path folder) {

    static final String USER = "sanne";
    static final String PASSWORD = "keukentafel";

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
}
