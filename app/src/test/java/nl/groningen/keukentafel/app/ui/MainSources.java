package nl.groningen.keukentafel.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The app's Java sources as text, for tests that check what the code uses (texts, controls, styles). */
final class MainSources {

    private MainSources() {
    }

    /** Each source file under {@code src/main/java} (tests run in the module's folder), by its path. */
    static Map<Path, String> read() throws IOException {
        Map<Path, String> texts = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(source -> {
                try {
                    texts.put(source, Files.readString(source));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return texts;
    }
}
