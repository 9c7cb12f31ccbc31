package nl.groningen.keukentafel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.Protocol;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;
import nl.groningen.keukentafel.server.http.SyncServer;
import nl.groningen.keukentafel.server.http.TestClient;
import nl.groningen.keukentafel.server.storage.ServerStore;

/** A laptop's side of the wire for the backup tests: enrol a coach user, push, pull every page, over real HTTP. */
final class Laptops {

    private Laptops() {
    }

    static String enrol(ServerStore store, SyncServer server, String user, UUID coach) throws Exception {
        return new TestClient(server).enrol(store, Clock.systemUTC(), user, coach);
    }

    static List<ChangeResult> push(SyncServer server, String token, List<Change> changes, long cursor) throws Exception {
        HttpResponse<String> response = send(server, "POST", Protocol.PUSH, token,
                Json.mapper().writeValueAsString(new PushRequest(changes, cursor)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readValue(response.body(), PushResponse.class).results();
    }

    /** Every page after the cursor, as the laptop pulls; the last page's cursor and all changes. */
    static PullPage pullAll(SyncServer server, String token, long after) throws Exception {
        List<PulledChange> all = new ArrayList<>();
        PullPage page;
        do {
            HttpResponse<String> response = send(server, "GET", Protocol.PULL + "?after=" + after + "&limit=5000", token, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            page = Json.mapper().readValue(response.body(), PullPage.class);
            all.addAll(page.changes());
            after = page.nextCursor();
        } while (page.hasMore());
        return new PullPage(all, after, false);
    }

    static HttpResponse<String> get(SyncServer server, String path) throws Exception {
        return new TestClient(server).get(path);
    }

    private static HttpResponse<String> send(SyncServer server, String method, String path, String token, String body)
            throws Exception {
        return new TestClient(server).send(method, path, token, body);
    }
}
