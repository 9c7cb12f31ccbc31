package nl.groningen.keukentafel.server;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * Writes an exception into the log line as {@code error=Class caused_by=Class at=Frame}: the
 * classes and the first frame of our own code, never the message. Messages carry data: Jackson
 * quotes the JSON it failed on, PostgreSQL the values that broke a constraint. One line per event,
 * too, so a log collector needs no multi-line rules.
 */
public final class SafeThrowableConverter extends ThrowableHandlingConverter {

    private static final String OURS = "nl.groningen.keukentafel.";

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy error = event.getThrowableProxy();
        if (error == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(" error=").append(simpleName(error.getClassName()));
        String where = null;
        for (IThrowableProxy cause = error; cause != null; cause = cause.getCause()) {
            if (cause != error) {
                text.append(" caused_by=").append(simpleName(cause.getClassName()));
            }
            if (where == null) {
                where = firstFrameOfOurs(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        if (where != null) {
            text.append(" at=").append(where);
        }
        return text.toString();
    }

    private static String firstFrameOfOurs(IThrowableProxy error) {
        StackTraceElementProxy[] frames = error.getStackTraceElementProxyArray();
        if (frames == null) {
            return null;
        }
        for (StackTraceElementProxy frame : frames) {
            StackTraceElement element = frame.getStackTraceElement();
            if (element.getClassName().startsWith(OURS)) {
                return simpleName(element.getClassName()) + "." + element.getMethodName() + ":" + element.getLineNumber();
            }
        }
        return null;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
