package nl.groningen.keukentafel.app.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import nl.groningen.keukentafel.app.profile.Preconfiguration;

/**
 * How the app was asked to start.
 *
 * @param dataFolder where the coaches' local databases live
 * @param demo       whether to make the demo coach (with the demo caseload) on first start
 * @param locale     the UI language (Dutch unless English is asked for)
 * @param lockAfter  idle time after which the app locks
 * @param serverUrl  the sync server, for enrolling a laptop that is not enrolled yet (or null)
 * @param enrolmentCode the office's one-time code to enrol with at the first login (or null)
 * @param conversationRetentionMonths months a finalised conversation stays on the laptop after its
 *                   date (IT's {@code retention.conversation.months}, at least 1)
 */
public record AppOptions(Path dataFolder, boolean demo, Locale locale, Duration lockAfter, String serverUrl,
                         String enrolmentCode, int conversationRetentionMonths) {

    public static final Duration DEFAULT_LOCK_AFTER = Duration.ofMinutes(5);

    /** Options with the default retention of conversations on the laptop. */
    public AppOptions(Path dataFolder, boolean demo, Locale locale, Duration lockAfter, String serverUrl, String enrolmentCode) {
        this(dataFolder, demo, locale, lockAfter, serverUrl, enrolmentCode, Preconfiguration.DEFAULT_CONVERSATION_RETENTION_MONTHS);
    }

    /** Options without a server to enrol with (a laptop already enrolled, or working on its own). */
    public AppOptions(Path dataFolder, boolean demo, Locale locale, Duration lockAfter) {
        this(dataFolder, demo, locale, lockAfter, null, null);
    }
}
