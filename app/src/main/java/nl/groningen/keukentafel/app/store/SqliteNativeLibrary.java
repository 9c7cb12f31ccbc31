package nl.groningen.keukentafel.app.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The SQLite driver's native library for this system, taken out of the driver's jar once, when the
 * app is packaged, into the folder {@code -Dorg.sqlite.lib.path} names ({@code jvm.options}). The
 * driver then loads it from there, instead of writing a fresh copy into the temporary folder at every
 * start: a start does less, and the app also runs where the temporary folder does not allow programs
 * (noexec, as hardened laptops have it). Without the folder the driver copies it out as before.
 */
public final class SqliteNativeLibrary {

    /** The folder under the app's own folder that {@code jvm.options} points the driver to. */
    public static final String FOLDER = "native";

    private SqliteNativeLibrary() {
    }

    /**
     * Copies the library for this operating system and processor out of the driver's jar (the one
     * being packaged, so library and driver are of one version) into {@code folder}; returns the file.
     */
    public static Path copyOutOf(Path driverJar, Path folder) throws IOException {
        String entry = folderInJar() + LibraryLoaderUtil.getNativeLibName();
        try (JarFile jar = new JarFile(driverJar.toFile())) {
            JarEntry library = jar.getJarEntry(entry);
            if (library == null) {
                throw new IOException(driverJar + " has no native library for this system (" + entry + ")");
            }
            Files.createDirectories(folder);
            Path copy = folder.resolve(LibraryLoaderUtil.getNativeLibName());
            try (InputStream in = jar.getInputStream(library)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        }
    }

    /** Where the driver's jar keeps the library for this system, without the leading slash: {@code org/sqlite/native/Linux/x86_64/}. */
    public static String folderInJar() {
        return LibraryLoaderUtil.getNativeLibResourcePath().replaceFirst("^/", "") + "/";
    }
}
