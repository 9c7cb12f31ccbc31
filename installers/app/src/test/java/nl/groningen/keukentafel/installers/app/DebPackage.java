package nl.groningen.keukentafel.installers.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A .deb made by AppPackager, read and unpacked with dpkg-deb as dpkg would. */
record DebPackage(Path file) {

    /** The one .deb in a packaging output folder. */
    static DebPackage in(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return new DebPackage(files.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("No .deb in " + folder + ": was the package phase run?")));
        } catch (IOException e) {
            throw new AssertionError("No packaging output in " + folder + ": was the package phase run?", e);
        }
    }

    /** The packaging output of this module's build. */
    static Path buildOutput() {
        String folder = System.getProperty("package.output");
        if (folder != null) {
            return Path.of(folder);
        }
        try {
            Path testClasses = Path.of(DebPackage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent().resolve("jpackage");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One field of the package's control file (dpkg-deb -f). */
    String field(String name) {
        return Run.of("dpkg-deb", "-f", file.toString(), name).expectSuccess().out().trim();
    }

    /** Unpacks the package's files under {@code root} (dpkg-deb -x): root/opt/keukentafel/... */
    InstalledApp extractTo(Path root) {
        Run.of("dpkg-deb", "-x", file.toString(), root.toString()).expectSuccess();
        return new InstalledApp(root.resolve("opt/keukentafel"));
    }

    /** The paths of the files the package holds (not its folders), as ./opt/keukentafel/... */
    Set<String> files() {
        String contents = Run.of("dpkg-deb", "-c", file.toString()).expectSuccess().out();
        return contents.lines().filter(l -> !l.startsWith("d"))
                .map(l -> Arrays.stream(l.trim().split("\\s+")).skip(5).collect(Collectors.joining(" ")))
                .map(l -> l.contains(" -> ") ? l.substring(0, l.indexOf(" -> ")) : l)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
