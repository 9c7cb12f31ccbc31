package nl.groningen.keukentafel.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import nl.groningen.keukentafel.app.session.Keukentafel;
import nl.groningen.keukentafel.app.store.SqliteNativeLibrary;

/**
 * A child JVM started the way the packaged app starts: {@code keukentafel-app.jar} with its
 * {@code lib/} in the order of the jar's manifest, the JVM options of {@code jvm.options} (the
 * file the installer passes to jpackage), and the class-data-sharing archive those options name,
 * made by one training run as the installer makes it; the SQLite driver's native library in the
 * folder those options name, as the installer puts it there. The benchmark's own classes (the probes) and
 * Monocle come after the app's jars, in a jar too: CDS refuses class folders.
 */
final class PackagedLaunch {

    static final String OPTIONS_RESOURCE = "/nl/groningen/keukentafel/app/jvm.options";
    private static final String APPDIR = "$APPDIR";
    private static final String USE_ARCHIVE = "-XX:SharedArchiveFile=";
    private static final String MAKE_ARCHIVE = "-XX:ArchiveClassesAtExit=";

    private final Path appDir;
    private final List<String> options;
    private final String classPath;

    private PackagedLaunch(Path appDir, List<String> options, String classPath) {
        this.appDir = appDir;
        this.options = options;
        this.classPath = classPath;
    }

    /**
     * The launch of the app built in this module's {@code target/}, with {@code appDir} standing
     * for the installed app's folder (where the archive goes). {@code override}, when not null,
     * replaces the options of {@code jvm.options} (to try others).
     */
    static PackagedLaunch of(Path appDir, List<String> override) throws IOException {
        Path target = targetFolder();
        Path appJar = target.resolve("keukentafel-app.jar");
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalStateException(appJar + " is missing: the start-up benchmark runs the packaged app, "
                    + "so run it through 'mvn -Pbench verify', which packages first");
        }
        List<String> entries = new ArrayList<>();
        entries.add(appJar.toString());
        try (JarFile jar = new JarFile(appJar.toFile())) {
            Manifest manifest = jar.getManifest();
            for (String entry : manifest.getMainAttributes().getValue("Class-Path").trim().split("\\s+")) {
                entries.add(target.resolve(entry).toString());
            }
        }
        entries.add(benchJar(target, appDir).toString());
        entries.add(monocleJar());
        // As the installer puts it beside the app, for -Dorg.sqlite.lib.path=$APPDIR/native.
        for (String entry : entries) {
            if (Path.of(entry).getFileName().toString().startsWith("sqlite-jdbc-")) {
                SqliteNativeLibrary.copyOutOf(Path.of(entry), appDir.resolve(SqliteNativeLibrary.FOLDER));
            }
        }
        List<String> options = (override != null ? override : fileOptions()).stream()
                .map(o -> o.replace(APPDIR, appDir.toString()))
                .toList();
        return new PackagedLaunch(appDir, options, String.join(java.io.File.pathSeparator, entries));
    }

    /** The options of {@code jvm.options}: its lines without comments and blanks. */
    static List<String> fileOptions() {
        try (InputStream in = PackagedLaunch.class.getResourceAsStream(OPTIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPTIONS_RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The options as the app is started with them. */
    List<String> options() {
        return options;
    }

    /** The options of the installer's training run: the same, but making the archive instead of using it. */
    List<String> trainingOptions() {
        return options.stream().map(o -> o.startsWith(USE_ARCHIVE) ? MAKE_ARCHIVE + o.substring(USE_ARCHIVE.length()) : o)
                .toList();
    }

    /** The archive the options name, or null when they name none. */
    Path archive() {
        return options.stream().filter(o -> o.startsWith(USE_ARCHIVE))
                .map(o -> Path.of(o.substring(USE_ARCHIVE.length()))).findFirst().orElse(null);
    }

    String classPath() {
        return classPath;
    }

    Path appDir() {
        return appDir;
    }

    private static Path targetFolder() {
        try {
            // target/classes, where the app's classes are compiled to; the packaged jar is beside it.
            Path classes = Path.of(Keukentafel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This package's compiled classes (the probes) as a jar in {@code folder}. */
    private static Path benchJar(Path target, Path folder) throws IOException {
        Path classes = target.resolve("test-classes");
        String pkg = PackagedLaunch.class.getPackageName().replace('.', '/');
        Path jar = folder.resolve("keukentafel-bench-probes.jar");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes.resolve(pkg))) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Headless JavaFX for the child: Monocle's jar, from this (test) JVM's class path. */
    private static String monocleJar() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.contains("openjfx-monocle") && entry.endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("openjfx-monocle is not on the test class path"));
    }
}
