package nl.groningen.keukentafel.server.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request log: one line per request, {@code event=request method= endpoint= status= ms=
 * device=}, and for sync requests the counts and cursor numbers. Never a body, a name, a user
 * name, a query value other than the cursor numbers, or the path of an unknown endpoint (which
 * could be anything a client typed).
 */
final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final String DETAILS = "keukentafel.log.details";

    private RequestLog() {
    }

    /** Adds a number or a fixed word (never request data) to this request's log line. */
    static void note(Context ctx, String key, Object value) {
        Map<String, Object> details = ctx.attribute(DETAILS);
        if (details == null) {
            details = new LinkedHashMap<>();
            ctx.attribute(DETAILS, details);
        }
        details.put(key, value);
    }

    static void log(Context ctx, String endpoint, float millis) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder line = new StringBuilder("event=request method=").append(ctx.method().name())
                .append(" endpoint=").append(endpoint)
                .append(" status=").append(ctx.statusCode())
                .append(" ms=").append(Math.round(millis));
        Map<String, Object> details = ctx.attribute(DETAILS);
        if (details != null) {
            details.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        }
        LOG.info(line.toString());
    }
}
