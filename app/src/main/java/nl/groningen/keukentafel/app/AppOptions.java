package nl.groningen.keukentafel.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How the app was asked to start.
 *
 * @param dataFolder where the local database lives
 * @param demo       whether to fill an empty store with the demo caseload and open as the demo coach
 * @param locale     the UI language (Dutch unless English is asked for)
 */
public record AppOptions(Path dataFolder, boolean demo, Locale locale) {
}
