package nl.groningen.keukentafel.installers.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.groningen.keukentafel.app.store.SqliteNativeLibrary;

/**
 * Makes the app's packages from the app's build ({@code keukentafel-app.jar} with its {@code lib/}):
 *
 * <ol>
 *   <li>jdeps lists the JDK modules the jars need; the build stops when one is missing from the
 *       modules it links ({@code runtime.modules} in this module's pom, with the ones jdeps cannot see).
 *   <li>jlink makes the runtime: those modules plus JavaFX, linked from its Maven jars, with JavaFX's
 *       native libraries beside the JDK's (so JavaFX loads them from there, not from a cache in the
 *       user's home). The app's own jars stay on the class path.
 *   <li>On Linux, a training run (the real app, headless on Monocle: {@link TrainingRun}) records the classes
 *       a start loads; the list ships in the package and the package's {@code keukentafel-cds} script
 *       makes the class-data-sharing archive from it with the installed runtime at install time.
 *   <li>jpackage makes the app-image ({@code Keukentafel/}) with the JVM options of the app's
 *       {@code jvm.options}, and from it the system's package: .deb (and .rpm when rpmbuild is
 *       installed) on Linux, .msi on Windows, .dmg on macOS.
 * </ol>
 *
 * <p>Arguments: {@code --app DIR} (the app's target folder), {@code --version V} (a -SNAPSHOT suffix is
 * dropped), {@code --modules a,b,c}, {@code --resources DIR} (icon and per-system jpackage resources),
 * {@code --training-classes DIR} (where {@link TrainingRun} is compiled), {@code --out DIR}; optional
 * {@code --types app-image,deb} to make fewer packages.
 */
public final class AppPackager {

    public static final String APP_NAME = "Keukentafel";
    public static final String LINUX_PACKAGE = "keukentafel";
    static final String MAIN_CLASS = "nl.groningen.keukentafel.app.Main";
    static final String APP_JAR = "keukentafel-app.jar";
    static final String JVM_OPTIONS = "nl/groningen/keukentafel/app/jvm.options";
    static final String CLASS_LIST = "keukentafel.classlist";
    static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";
    static final String VENDOR = "Gemeente Groningen";
    static final String DESCRIPTION = "Keukentafel: de app voor coaches van de gemeente Groningen";
    static final String WINDOWS_UPGRADE_UUID = "5f0f7a5e-3c1b-4c55-9c7e-4b6a8f1d2e90";
    static final String MAC_IDENTIFIER = "nl.groningen.keukentafel";
    /**
     * What JavaFX (GTK 3 windows, OpenGL drawing, the robot and full-screen modes) needs besides what
     * jpackage finds, by Debian's and by Fedora's package names.
     */
    static final String DEB_DEPENDENCIES = "libgtk-3-0, libgl1, libxtst6, libxxf86vm1";
    static final String RPM_DEPENDENCIES = "gtk3, mesa-libGL, libXtst, libXxf86vm";
    /** JavaFX's jars for one system: javafx-graphics-21.0.5-linux.jar, ...-win.jar, ...-mac-aarch64.jar. */
    private static final Pattern JAVAFX_PLATFORM_JAR = Pattern.compile("javafx-[a-z]+-[0-9.]+-([a-z0-9-]+)\\.jar");
    private static final Pattern JAVAFX_JAR = Pattern.compile("javafx-[a-z]+-[0-9.]+(-[a-z0-9-]+)?\\.jar");

    private final Path app;
    private final String version;
    private final List<String> modules;
    private final Path resources;
    private final Path trainingClasses;
    private final Path out;
    private final Path work;
    private final Set<String> types;

    private AppPackager(Map<String, String> args) {
        this.app = Path.of(required(args, "--app")).toAbsolutePath().normalize();
        this.version = required(args, "--version").replace("-SNAPSHOT", "");
        this.modules = Arrays.stream(required(args, "--modules").split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
        this.resources = Path.of(required(args, "--resources")).toAbsolutePath().normalize();
        this.trainingClasses = Path.of(required(args, "--training-classes")).toAbsolutePath().normalize();
        this.out = Path.of(required(args, "--out")).toAbsolutePath().normalize();
        this.work = out.resolve("work");
        this.types = new TreeSet<>(Arrays.asList(args.getOrDefault("--types", defaultTypes()).split(",")));
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        new AppPackager(options).run();
    }

    private static String defaultTypes() {
        if (Tool.isWindows()) {
            return "app-image,msi";
        }
        if (Tool.isMac()) {
            return "app-image,dmg";
        }
        return "app-image,deb,rpm";
    }

    void run() throws IOException {
        Path appJar = app.resolve(APP_JAR);
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalStateException(appJar + " is missing: package the app first (mvn package -pl installers/app -am)");
        }
        deleteRecursively(out);
        Files.createDirectories(work);
        List<Path> libraries = manifestLibraries(appJar);
        List<Path> javafx = libraries.stream().filter(p -> JAVAFX_PLATFORM_JAR.matcher(name(p)).matches()).toList();
        List<Path> appLibraries = libraries.stream().filter(p -> !JAVAFX_JAR.matcher(name(p)).matches()).toList();
        if (javafx.isEmpty()) {
            throw new IllegalStateException("No JavaFX jars for this system in " + app.resolve("lib"));
        }

        checkModules(appJar, appLibraries, javafx);
        Path runtime = linkRuntime(javafx, work.resolve("runtime"));
        List<String> jvmOptions = jvmOptions(appJar);
        Path input = prepareInput(appJar, appLibraries);
        if (Tool.isWindows() || Tool.isMac()) {
            // No install-time archive step on these systems yet (docs/installing.md): start without one.
            jvmOptions = jvmOptions.stream().filter(o -> !o.startsWith(ARCHIVE_OPTION)).toList();
        } else {
            // The training runs on the same runtime with Monocle linked into javafx.graphics (HeadlessJavaFx).
            Path training = linkRuntime(HeadlessJavaFx.withMonocle(javafx, work.resolve("training/modules")), work.resolve("training/runtime"));
            recordClassList(training, input, jvmOptions, javafx);
        }
        Path appImage = makeAppImage(runtime, input, jvmOptions);
        for (String type : types) {
            switch (type) {
                case "app-image" -> System.out.println("app-image: " + appImage);
                case "deb" -> System.out.println("deb: " + makeLinuxPackage("deb", appImage));
                case "rpm" -> {
                    if (Tool.onPath("rpmbuild")) {
                        System.out.println("rpm: " + makeLinuxPackage("rpm", appImage));
                    } else {
                        System.out.println("rpm: skipped, rpmbuild is not installed (on Debian: apt-get install rpm)");
                    }
                }
                case "msi" -> {
                    if (Tool.onPath("candle.exe") && Tool.onPath("light.exe")) {
                        System.out.println("msi: " + makeWindowsPackage(appImage));
                    } else {
                        System.out.println("msi: skipped, WiX Toolset 3 (candle.exe, light.exe) is not on the PATH");
                    }
                }
                case "dmg" -> System.out.println("dmg: " + makeMacPackage(appImage));
                default -> throw new IllegalArgumentException("Unknown package type " + type);
            }
        }
    }

    /** jdeps over the app's jars: the JDK and JavaFX modules they need must all be linked. */
    private void checkModules(Path appJar, List<Path> appLibraries, List<Path> javafx) {
        List<String> args = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps", "--multi-release", "17",
                "--module-path", joinPaths(javafx), appJar.toString()));
        appLibraries.forEach(p -> args.add(p.toString()));
        String output = Tool.jdk("jdeps").args(args).run(work.resolve("logs/jdeps.log"));
        String last = output.lines().filter(l -> !l.isBlank() && !l.startsWith("Warning")).reduce((a, b) -> b).orElse("");
        Set<String> needed = Arrays.stream(last.trim().split(",")).map(String::trim).collect(Collectors.toCollection(TreeSet::new));
        if (needed.isEmpty() || !needed.contains("java.base")) {
            throw new IllegalStateException("jdeps printed no module list:\n" + output);
        }
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(modules);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The app's jars need the modules " + missing + ", which the runtime does not link: "
                    + "add them to runtime.modules in installers/app/pom.xml (jdeps found " + needed + ")");
        }
        System.out.println("modules: jdeps found " + needed + "; linking " + modules);
    }

    /** jlink: the modules, JavaFX's from its jars, and JavaFX's native libraries where the JDK's are. */
    private Path linkRuntime(List<Path> javafx, Path runtime) throws IOException {
        Tool.jdk("jlink").args("--module-path", joinPaths(javafx), "--add-modules", String.join(",", modules),
                        "--include-locales=en,nl", "--strip-java-debug-attributes", "--no-header-files", "--no-man-pages",
                        "--output", runtime.toString())
                .run(work.resolve("logs/jlink.log"));
        Path nativeFolder = runtime.resolve(Tool.isWindows() ? "bin" : "lib");
        String suffix = Tool.isWindows() ? ".dll" : Tool.isMac() ? ".dylib" : ".so";
        for (Path jar : javafx) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && !entry.getName().contains("/") && entry.getName().endsWith(suffix)) {
                        try (InputStream in = file.getInputStream(entry)) {
                            Files.copy(in, nativeFolder.resolve(entry.getName()), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        }
        return runtime;
    }

    /** The options of the app's jvm.options (inside its jar): its lines without comments and blanks. */
    static List<String> jvmOptions(Path appJar) throws IOException {
        try (JarFile jar = new JarFile(appJar.toFile())) {
            JarEntry entry = jar.getJarEntry(JVM_OPTIONS);
            if (entry == null) {
                throw new IllegalStateException(appJar + " has no " + JVM_OPTIONS);
            }
            try (InputStream in = jar.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            }
        }
    }

    /** What jpackage copies into the app's folder: the jar, its libraries, and on Linux the archive script. */
    private Path prepareInput(Path appJar, List<Path> appLibraries) throws IOException {
        Path input = work.resolve("input");
        Files.createDirectories(input.resolve("lib"));
        Files.copy(appJar, input.resolve(APP_JAR));
        for (Path library : appLibraries) {
            Path target = input.resolve("lib").resolve(name(library));
            if (name(library).startsWith("sqlite-jdbc-")) {
                // Where jvm.options points the driver ($APPDIR/native): no copy into the temporary folder at each start.
                SqliteNativeLibrary.copyOutOf(library, input.resolve(SqliteNativeLibrary.FOLDER));
            }
            if (!Tool.isWindows() && !Tool.isMac() && name(library).startsWith("sqlite-jdbc-")) {
                keepOnlyNativeLibrary(library, target, SqliteNativeLibrary.folderInJar());
            } else {
                Files.copy(library, target);
            }
        }
        if (!Tool.isWindows() && !Tool.isMac()) {
            Path linux = resources.resolve("linux");
            for (String file : List.of("keukentafel-cds", "keukentafel.properties.example")) {
                Files.copy(linux.resolve(file), input.resolve(file));
            }
            input.resolve("keukentafel-cds").toFile().setExecutable(true, false);
        }
        return input;
    }

    /**
     * sqlite-jdbc carries its native library for twenty systems; a package for one system needs one.
     * The jar is otherwise copied as it is (it is not signed), so the driver finds its library where
     * it always does.
     */
    private static void keepOnlyNativeLibrary(Path jar, Path target, String keep) throws IOException {
        try (JarFile in = new JarFile(jar.toFile()); OutputStream file = Files.newOutputStream(target);
             JarOutputStream copy = new JarOutputStream(file)) {
            boolean kept = false;
            for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String path = entry.getName();
                if (path.startsWith("org/sqlite/native/") && !path.startsWith(keep) && !keep.startsWith(path)) {
                    continue;
                }
                kept |= path.startsWith(keep) && !entry.isDirectory();
                JarEntry copied = new JarEntry(path);
                copied.setTime(entry.getTime());
                copy.putNextEntry(copied);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(copy);
                }
                copy.closeEntry();
            }
            if (!kept) {
                throw new IllegalStateException(jar + " has no native library under " + keep);
            }
        }
    }

    /**
     * The training run: the app, on the linked runtime (with Monocle), with the packaged options and
     * class path, logs in on a throw-away demo profile, headless ({@link HeadlessJavaFx}), while the
     * JVM writes the classes it loads. The training driver's own classes are left out of the list
     * (they are not installed), and Monocle's are swapped for the desktop's.
     */
    private void recordClassList(Path runtime, Path input, List<String> jvmOptions, List<Path> javafx) throws IOException {
        Path raw = work.resolve("training/loaded-classes.txt");
        Path data = work.resolve("training/data");
        Files.createDirectories(data);
        List<String> classPath = new ArrayList<>();
        classPath.add(input.resolve(APP_JAR).toString());
        listJars(input.resolve("lib")).forEach(p -> classPath.add(p.toString()));
        classPath.add(trainingClasses.toString());
        List<String> args = new ArrayList<>();
        args.add("-XX:DumpLoadedClassList=" + raw);
        jvmOptions.stream().filter(o -> !o.startsWith(ARCHIVE_OPTION)).map(o -> o.replace("$APPDIR", input.toString()))
                .forEach(args::add);
        args.addAll(HeadlessJavaFx.LINKED_OPTIONS);
        args.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classPath), TrainingRun.class.getName(),
                "--demo", "--data-dir", data.toString()));
        Tool.of(runtime.resolve("bin/java").toString()).args(args)
                .env("HOME", work.resolve("training").toString())
                .timeoutSeconds(300)
                .run(work.resolve("logs/training.log"));
        String training = TrainingRun.class.getPackageName().replace('.', '/') + "/";
        List<String> recorded = Files.readAllLines(raw, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith(training)).toList();
        List<String> classes = HeadlessJavaFx.asOnTheDesktop(recorded, javafx);
        Files.write(input.resolve(CLASS_LIST), classes, StandardCharsets.UTF_8);
        System.out.println("training run: " + classes.size() + " classes in " + CLASS_LIST);
        deleteRecursively(data);
    }

    private Path makeAppImage(Path runtime, Path input, List<String> jvmOptions) {
        Path dest = out.resolve("app-image");
        Tool jpackage = Tool.jdk("jpackage").args("--type", "app-image", "--name", APP_NAME,
                "--dest", dest.toString(), "--input", input.toString(), "--main-jar", APP_JAR, "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(), "--app-version", version, "--vendor", VENDOR,
                "--description", DESCRIPTION, "--copyright", VENDOR);
        icon().ifPresent(icon -> jpackage.args("--icon", icon.toString()));
        jvmOptions.forEach(option -> jpackage.args("--java-options", option));
        jpackage.run(work.resolve("logs/jpackage-app-image.log"));
        return dest.resolve(Tool.isMac() ? APP_NAME + ".app" : APP_NAME);
    }

    private Path makeLinuxPackage(String type, Path appImage) throws IOException {
        Tool jpackage = Tool.jdk("jpackage").args("--type", type, "--app-image", appImage.toString(), "--name", APP_NAME,
                "--dest", out.toString(), "--app-version", version, "--vendor", VENDOR, "--description", DESCRIPTION,
                "--linux-package-name", LINUX_PACKAGE, "--install-dir", "/opt",
                "--linux-package-deps", type.equals("deb") ? DEB_DEPENDENCIES : RPM_DEPENDENCIES,
                "--linux-shortcut", "--linux-menu-group", "Office",
                "--linux-app-category", type.equals("deb") ? "misc" : "Applications/Office",
                "--linux-deb-maintainer", "keukentafel@groningen.nl", "--resource-dir", resources.resolve("linux").toString());
        icon().ifPresent(icon -> jpackage.args("--icon", icon.toString()));
        jpackage.run(work.resolve("logs/jpackage-" + type + ".log"));
        return newest(type);
    }

    private Path makeWindowsPackage(Path appImage) throws IOException {
        Tool.jdk("jpackage").args("--type", "msi", "--app-image", appImage.toString(), "--name", APP_NAME,
                        "--dest", out.toString(), "--app-version", version, "--vendor", VENDOR, "--description", DESCRIPTION,
                        "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID, "--win-menu", "--win-menu-group", APP_NAME,
                        "--win-shortcut", "--resource-dir", resources.resolve("windows").toString())
                .run(work.resolve("logs/jpackage-msi.log"));
        return newest("msi");
    }

    private Path makeMacPackage(Path appImage) throws IOException {
        Tool.jdk("jpackage").args("--type", "dmg", "--app-image", appImage.toString(), "--name", APP_NAME,
                        "--dest", out.toString(), "--app-version", version, "--vendor", VENDOR,
                        "--mac-package-identifier", MAC_IDENTIFIER, "--mac-package-name", APP_NAME,
                        "--resource-dir", resources.resolve("macos").toString())
                .run(work.resolve("logs/jpackage-dmg.log"));
        return newest("dmg");
    }

    /** The icon for this system's packages (jpackage's own when there is none). */
    private java.util.Optional<Path> icon() {
        String file = Tool.isWindows() ? "windows/keukentafel.ico" : Tool.isMac() ? "macos/keukentafel.icns" : "keukentafel.png";
        Path icon = resources.resolve(file);
        return Files.isRegularFile(icon) ? java.util.Optional.of(icon) : java.util.Optional.empty();
    }

    private Path newest(String extension) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> name(p).endsWith("." + extension))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("jpackage made no ." + extension + " in " + out));
        }
    }

    /**
     * The jars the app jar's manifest names (its Class-Path), in the app's folder: exactly what the
     * app runs with, whatever else an earlier build left in {@code lib/}.
     */
    private static List<Path> manifestLibraries(Path appJar) throws IOException {
        String classPath;
        try (JarFile jar = new JarFile(appJar.toFile())) {
            classPath = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Class-Path");
        }
        if (classPath == null || classPath.isBlank()) {
            throw new IllegalStateException(appJar + " names no libraries in its manifest (Class-Path)");
        }
        List<Path> libraries = new ArrayList<>();
        for (String entry : classPath.trim().split("\\s+")) {
            Path library = appJar.resolveSibling(entry);
            if (!Files.isRegularFile(library)) {
                throw new IllegalStateException(library + " is missing: the app's manifest names it (package the app again)");
            }
            libraries.add(library);
        }
        return libraries.stream().sorted().toList();
    }

    private static List<Path> listJars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> name(p).endsWith(".jar")).sorted().toList();
        }
    }

    private static String joinPaths(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static String name(Path path) {
        return path.getFileName().toString();
    }

    private static String required(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("AppPackager needs " + name);
        }
        return value;
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
