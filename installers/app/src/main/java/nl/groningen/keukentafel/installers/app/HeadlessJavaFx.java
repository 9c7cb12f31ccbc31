package nl.groningen.keukentafel.installers.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;

/**
 * The real app's JavaFX started without a display: Monocle's headless platform (the
 * {@code org.testfx:openjfx-monocle} jar from Maven Central), drawing in software. The packaging's
 * training run and the installed app's window test use it, so building and testing the packages
 * needs no X server.
 *
 * <p>Monocle's classes belong in {@code javafx.graphics}. The training run links them into that
 * module ({@link #withMonocle}): a module patched at start ({@code --patch-module}) would keep the
 * whole module out of the recorded class list. The installed app's test, which records nothing,
 * patches it ({@link #patchedOptions()}).
 */
public final class HeadlessJavaFx {

    /** JavaFX's system properties for Monocle's headless platform with software drawing. */
    public static final List<String> LINKED_OPTIONS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw");

    private static final String MONOCLE_CLASS = "com/sun/glass/ui/monocle/MonoclePlatformFactory.class";
    private static final String MONOCLE_PACKAGE = "com/sun/glass/ui/monocle/";
    /**
     * What a start on a Linux desktop loads in place of Monocle and software drawing: GTK's windowing
     * classes and the OpenGL pipeline's (which it tries first).
     */
    private static final List<String> DESKTOP_PACKAGES = List.of("com/sun/glass/ui/gtk/", "com/sun/prism/es2/");
    private static final String GRAPHICS_JAR = "javafx-graphics-";

    private HeadlessJavaFx() {
    }

    /** The options that start an installed (linked) runtime's JavaFX on Monocle, patched in at start. */
    public static List<String> patchedOptions() {
        List<String> options = new ArrayList<>();
        options.add("--patch-module=javafx.graphics=" + monocleJar());
        options.addAll(LINKED_OPTIONS);
        return options;
    }

    /**
     * JavaFX's jars with Monocle's classes added to a copy of the graphics jar (in {@code folder}),
     * for jlink: the module then lists Monocle's package as its own.
     */
    static List<Path> withMonocle(List<Path> javafx, Path folder) throws IOException {
        Path classes = folder.resolve("monocle");
        Files.createDirectories(classes);
        try (JarFile monocle = new JarFile(monocleJar().toFile())) {
            for (Enumeration<JarEntry> entries = monocle.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(MONOCLE_PACKAGE)) {
                    Path target = classes.resolve(entry.getName());
                    Files.createDirectories(target.getParent());
                    try (InputStream in = monocle.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        List<Path> jars = new ArrayList<>();
        for (Path jar : javafx) {
            if (!jar.getFileName().toString().startsWith(GRAPHICS_JAR)) {
                jars.add(jar);
                continue;
            }
            Path graphics = folder.resolve(jar.getFileName());
            Files.copy(jar, graphics, StandardCopyOption.REPLACE_EXISTING);
            ToolProvider tool = ToolProvider.findFirst("jar").orElseThrow(() -> new IllegalStateException("This JDK has no jar tool"));
            StringWriter out = new StringWriter();
            PrintWriter writer = new PrintWriter(out);
            int exit = tool.run(writer, writer, "--update", "--file", graphics.toString(), "-C", classes.toString(), ".");
            if (exit != 0) {
                throw new IllegalStateException("jar --update of " + graphics + " with Monocle failed (" + exit + "): " + out);
            }
            jars.add(graphics);
        }
        return jars;
    }

    /** The Monocle jar this class was loaded beside (a dependency of this module). */
    static Path monocleJar() {
        URL found = HeadlessJavaFx.class.getClassLoader().getResource(MONOCLE_CLASS);
        if (found == null || !"jar".equals(found.getProtocol())) {
            throw new IllegalStateException("openjfx-monocle is not on the class path (" + found + ")");
        }
        String file = found.getPath().substring(0, found.getPath().indexOf("!/"));
        try {
            return Path.of(new URL(file).toURI());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot read the Monocle jar's location " + file, e);
        }
    }

    /**
     * A class list recorded on Monocle, as a start on the desktop loads it: Monocle's classes (not
     * installed) out, the desktop's windowing and drawing classes from JavaFX's graphics jar in, so the
     * installed app's archive holds what a coach's start loads.
     */
    static List<String> asOnTheDesktop(List<String> recorded, List<Path> javafx) throws IOException {
        Set<String> classes = new LinkedHashSet<>();
        for (String line : recorded) {
            if (!line.startsWith(MONOCLE_PACKAGE) && !line.contains(" " + MONOCLE_PACKAGE)) {
                classes.add(line);
            }
        }
        Path graphics = javafx.stream().filter(p -> p.getFileName().toString().startsWith(GRAPHICS_JAR)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No javafx-graphics jar among " + javafx));
        try (JarFile jar = new JarFile(graphics.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                for (String desktop : DESKTOP_PACKAGES) {
                    if (name.startsWith(desktop) && name.endsWith(".class") && name.indexOf('/', desktop.length()) < 0) {
                        classes.add(name.substring(0, name.length() - ".class".length()));
                    }
                }
            }
        }
        return List.copyOf(classes);
    }
}
