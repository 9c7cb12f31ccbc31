package nl.groningen.keukentafel.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How the app was asked to start.
 *
 * @param dataFolder where the coaches' local databases live
 * @param demo       whether to make the demo coach (with the demo caseload) on first start
 * @param locale     the UI language (Dutch unless English is asked for)
 * @param lockAfter  idle time after which the app locks
 */
public record AppOptions(Path dataFolder, boolean demo, Locale locale, Duration lockAfter) {

    public static final Duration DEFAULT_LOCK_AFTER = Duration.ofMinutes(5);
}
