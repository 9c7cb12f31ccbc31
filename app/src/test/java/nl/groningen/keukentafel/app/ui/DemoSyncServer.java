package nl.groningen.keukentafel.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.http.SyncServer;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;

/**
 * A real sync server (embedded database, HTTP on a free local port) with the demo data, the demo
 * coach's account and a fresh enrolment code, for TestFX tests of enrolment and sync. Started by
 * {@link AppUnderTest#startServer}, which closes it after the test, once the app is closed.
 */
public final class DemoSyncServer implements AutoCloseable {

    private Dataset demo;
    private ServerStore store;
    private SyncServer server;
    private String code;

    /** Starts the server with its database in a new folder inside {@code parent}; the demo data is made on {@code clock}. */
    DemoSyncServer(Path parent, Clock clock) throws Exception {
        demo = DemoProfile.dataset(clock);
        store = ServerStore.open(StoreSettings.embedded(Files.createTempDirectory(parent, "server")));
        store.importDataset(demo);
        store.accounts().createUser(DemoProfile.USER, Role.COACH, demo.coaches().get(0).id(), DemoProfile.PASSWORD.toCharArray());
        code = store.accounts().createEnrolmentCode(DemoProfile.USER, Duration.ofHours(1), Instant.now());
        server = new SyncServer(store, Clock.systemUTC()).start("127.0.0.1", 0);
    }

    /** The demo data the server started with. */
    public Dataset demo() {
        return demo;
    }

    public ServerStore store() {
        return store;
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** The demo coach's enrolment code. */
    public String code() {
        return code;
    }

    /** Makes an office user with {@code password} and returns a fresh enrolment code for their PC. */
    public String officeUser(String userName, String password) {
        store.accounts().createUser(userName, Role.OFFICE, null, password.toCharArray());
        return store.accounts().createEnrolmentCode(userName, Duration.ofHours(1), Instant.now());
    }

    /** Takes the server off the network (the laptop is offline); its database stays until the test ends. */
    public void stop() {
        server.close();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
