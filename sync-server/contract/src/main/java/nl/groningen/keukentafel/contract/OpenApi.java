package nl.groningen.keukentafel.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.0 document of the sync protocol ({@code openapi.json} beside this class): written
 * by hand, served by the server at {@code /openapi.json}, and held against the records here and the
 * server's routes by the server's {@code OpenApiContractTest}.
 */
public final class OpenApi {

    /** The document's resource name, relative to this class. */
    public static final String RESOURCE = "openapi.json";

    private OpenApi() {
    }

    /** The document's bytes (UTF-8 JSON). */
    public static byte[] document() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the contract module");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
