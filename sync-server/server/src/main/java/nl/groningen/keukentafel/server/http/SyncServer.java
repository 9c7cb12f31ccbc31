package nl.groningen.keukentafel.server.http;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.server.domain.Health;
import nl.groningen.keukentafel.server.storage.ServerStore;

/** The HTTP face of the sync server. Holds no state of its own: everything lives in the store. */
public final class SyncServer implements AutoCloseable {

    private final Javalin javalin;

    public SyncServer(ServerStore store) {
        this.javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
        });
        javalin.get("/health", ctx -> ctx.json(new Health("ok", store.kind().label(), store.schemaVersion())));
        javalin.error(404, ctx -> ctx.json(Map.of("error", "not_found", "message", "No such endpoint")));
    }

    /** Starts listening; port 0 picks a free port. */
    public SyncServer start(String host, int port) {
        javalin.start(host, port);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
