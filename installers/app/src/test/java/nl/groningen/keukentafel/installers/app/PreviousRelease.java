package nl.groningen.keukentafel.installers.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A previous release of the app, built from its released source and packaged by this build's
 * AppPackager, in {@code target/previous-release/<version>/}. The source is kept in the repository
 * ({@code src/test/releases/keukentafel-<version>-source.tar.gz}, made with {@code git archive} of
 * the release tag), so the test needs neither the tag nor the history in the clone it runs in.
 * Built once: a later run with the same archive reuses it. The build runs no tests and uses the same
 * local Maven repository.
 */
final class PreviousRelease {

    private PreviousRelease() {
    }

    static DebPackage deb(String version) throws IOException {
        Path archive = Path.of("src/test/releases/keukentafel-" + version + "-source.tar.gz").toAbsolutePath();
        if (!Files.isRegularFile(archive)) {
            throw new AssertionError("The source of release " + version + " (which the upgrade test installs first) is missing: " + archive);
        }
        String digest = sha256(archive);
        Path folder = DebPackage.buildOutput().getParent().resolve("previous-release").resolve(version);
        Path built = folder.resolve("built-from");
        Path packages = folder.resolve("jpackage");
        if (Files.isRegularFile(built) && Files.readString(built).equals(digest)) {
            return DebPackage.in(packages);
        }
        AppPackager.deleteRecursively(folder);
        Path source = folder.resolve("source");
        Files.createDirectories(source);
        Run.of(List.of("tar", "-xzf", archive.toString(), "-C", source.toString()), Map.of(), 120).expectSuccess();

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
        Files.writeString(built, digest, StandardCharsets.UTF_8);
        return DebPackage.in(packages);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
