package nl.groningen.keukentafel.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.sync.ErrorResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own refusals (a request it cannot parse, a path it will not route, a header or URI too
 * long) in the sync API's error shape instead of Jetty's HTML page, so a laptop and a tester read
 * every refusal the same way. Never says what Jetty found wrong: that text may echo the request.
 */
final class JsonErrorHandler extends ErrorHandler {

    JsonErrorHandler() {
        setShowServlet(false);
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    /** The code and sentence for a status Jetty or Javalin answers itself. */
    static ErrorResponse forStatus(int status) {
        return switch (status) {
            case 404 -> new ErrorResponse("not_found", "No such endpoint.");
            case 405 -> new ErrorResponse("method_not_allowed", "This endpoint does not take this method.");
            case 413 -> new ErrorResponse("too_large", "The request is larger than the server accepts; send fewer changes at once.");
            case 414, 431 -> new ErrorResponse("too_large", "The request's address or headers are longer than the server accepts.");
            case 415 -> new ErrorResponse("unsupported_media_type", "The body must be JSON (Content-Type: application/json).");
            default -> status >= 500
                    ? new ErrorResponse("server_error", "The server could not do this; nothing was half-stored.")
                    : new ErrorResponse("bad_request", "The request cannot be read.");
        };
    }

    static byte[] bytesFor(int status) {
        try {
            return Json.mapper().writeValueAsBytes(forStatus(status));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
            int code, String message) throws IOException {
        baseRequest.setHandled(true);
        byte[] body = bytesFor(code);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(bytesFor(status));
    }
}
