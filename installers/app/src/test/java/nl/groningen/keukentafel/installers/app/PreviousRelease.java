package nl.groningen.keukentafel.installers.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A previous release of the app, built from its git tag and packaged by this build's AppPackager,
 * in {@code target/previous-release/<tag>/}. Built once: a later run with the same tag commit reuses
 * it. The build runs no tests and uses the same local Maven repository.
 */
final class PreviousRelease {

    private PreviousRelease() {
    }

    static DebPackage deb(String tag, String version) throws IOException {
        Path repository = Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath().normalize();
        Run commit = Run.of(List.of("git", "-C", repository.toString(), "rev-parse", "--verify", "--quiet", tag + "^{commit}"),
                Map.of(), 60);
        if (commit.exit() != 0) {
            throw new AssertionError("The git tag " + tag + " (the previous release, which the upgrade test installs first) "
                    + "is missing from " + repository + ": fetch it with 'git fetch --tags'");
        }
        Path folder = DebPackage.buildOutput().getParent().resolve("previous-release").resolve(tag);
        Path built = folder.resolve("built-from");
        Path packages = folder.resolve("jpackage");
        if (Files.isRegularFile(built) && Files.readString(built).equals(commit.out().trim())) {
            return DebPackage.in(packages);
        }
        AppPackager.deleteRecursively(folder);
        Path source = folder.resolve("source");
        Files.createDirectories(source);
        Path tar = folder.resolve("source.tar");
        Run.of(List.of("git", "-C", repository.toString(), "archive", "--format=tar", "-o", tar.toString(), tag), Map.of(), 120)
                .expectSuccess();
        Run.of(List.of("tar", "-xf", tar.toString(), "-C", source.toString()), Map.of(), 120).expectSuccess();

        String maven = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn").toString();
        Run.of(List.of(maven, "-q", "-B", "-f", source.resolve("pom.xml").toString(), "package", "-DskipTests",
                "-Dmaven.javadoc.skip=true", "-pl", "app", "-am"), Map.of(), 900).expectSuccess();

        AppPackager.main(new String[] {
                "--app", source.resolve("app/target").toString(),
                "--version", version,
                "--modules", System.getProperty("runtime.modules"),
                "--resources", System.getProperty("packaging.resources"),
                "--training-classes", System.getProperty("training.classes"),
                "--out", packages.toString(),
                "--types", "deb"});
        Files.writeString(built, commit.out().trim(), StandardCharsets.UTF_8);
        return DebPackage.in(packages);
    }
}
