package nl.groningen.keukentafel.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The JDK's logging as the packaged app sets it up: the JDK's defaults, without JavaFX's class-path notice. */
class JdkLoggingSetupTest {

    @Test
    void writesWarningsToStandardErrorButNotJavaFxsClassPathNotice() {
        new JdkLoggingSetup();

        Handler[] handlers = Logger.getLogger("").getHandlers();
        assertThat(handlers).hasSize(1).allMatch(ConsoleHandler.class::isInstance);
        Handler console = handlers[0];
        assertThat(Logger.getLogger("").getLevel()).isEqualTo(Level.INFO);

        assertThat(console.isLoggable(record("javafx",
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'"))).isFalse();
        assertThat(console.isLoggable(record("javafx.css", "Could not resolve '-fx-base' while resolving lookups"))).isTrue();
        assertThat(console.isLoggable(record("javafx", "Loading FXML document with JavaFX API of version 21"))).isTrue();
        assertThat(console.isLoggable(record("org.sqlite", "Unsupported JavaFX configuration: not from JavaFX"))).isTrue();
    }

    private static LogRecord record(String logger, String message) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName(logger);
        return record;
    }
}
