package nl.groningen.keukentafel.app.logging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Filter;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * The JDK's own logging (java.util.logging, which JavaFX and the SQLite driver write to), named by
 * the packaged app's {@code jvm.options} ({@code -Djava.util.logging.config.class}): the JDK's
 * defaults (INFO and up to standard error), except JavaFX's "Unsupported JavaFX configuration"
 * line. JavaFX writes that at every start when its jars are on the class path, as in our package;
 * it is expected there and tells the coach or IT nothing. Writing it slowed a cold start before the
 * first window (formatting the first log line loads the JDK's date and text formatting; the figure
 * is in docs/startup.md).
 * Any other warning is written as before.
 */
public final class JdkLoggingSetup {

    private static final String DEFAULTS = """
            handlers = java.util.logging.ConsoleHandler
            .level = INFO
            java.util.logging.ConsoleHandler.level = INFO
            java.util.logging.ConsoleHandler.formatter = java.util.logging.SimpleFormatter
            java.util.logging.ConsoleHandler.filter = nl.groningen.keukentafel.app.logging.JdkLoggingSetup$WithoutClassPathNotice
            """;

    /** Called by the JDK's LogManager when it starts, instead of reading its logging.properties. */
    public JdkLoggingSetup() {
        try {
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(DEFAULTS.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record except JavaFX's notice that it was loaded from the class path. */
    public static final class WithoutClassPathNotice implements Filter {
        static final String NOTICE = "Unsupported JavaFX configuration: classes were loaded from 'unnamed module";

        @Override
        public boolean isLoggable(LogRecord record) {
            String message = record.getMessage();
            return message == null || !("javafx".equals(record.getLoggerName()) && message.startsWith(NOTICE));
        }
    }
}
