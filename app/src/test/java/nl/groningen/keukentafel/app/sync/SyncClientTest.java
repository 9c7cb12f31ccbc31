package nl.groningen.keukentafel.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.sync.PullPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The app's HTTP client against a server that closes a kept-alive connection while it sits idle in
 * the client's pool, as the sync server does after its idle timeout: between two background syncs
 * the status bar must not say "Offline" while the server is up.
 */
class SyncClientTest {

    private final ServerThatClosesIdleConnections server = new ServerThatClosesIdleConnections();

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsNotTakenForOffline() throws Exception {
        SyncClient client = new SyncClient(SyncClient.defaultHttp(), server.url(), "token");

        assertThat(client.pull(0, 10).nextCursor()).isEqualTo(7);
        server.awaitClosed(1); // the connection waits in the client's pool, closed on the server's side
        assertThat(client.pull(7, 10).nextCursor()).isEqualTo(7);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void aServerThatCannotBeReachedIsStillOffline() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        SyncClient client = new SyncClient(SyncClient.defaultHttp(), "http://127.0.0.1:" + port, "token");

        assertThatThrownBy(() -> client.pull(0, 10)).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.failure()).isEqualTo(SyncFailure.OFFLINE));
    }

    /**
     * Answers each request with a pull page and keeps the connection open (HTTP/1.1, no "close"), then
     * closes it once the client has put it back in its pool: the stale connection a client meets after
     * the server's idle timeout, without waiting for one.
     */
    private static final class ServerThatClosesIdleConnections implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();
        private final Semaphore closed = new Semaphore(0);
        private final Thread thread;

        ServerThatClosesIdleConnections() {
            try {
                socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            thread = new Thread(this::serve, "stale-connection-server");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    connections.incrementAndGet();
                    readRequest(connection.getInputStream());
                    byte[] body = Json.mapper().writeValueAsBytes(new PullPage(List.of(), 7, false, 0, null));
                    OutputStream out = connection.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    Thread.sleep(200); // the client has read the answer and pooled the connection
                } catch (IOException | InterruptedException e) {
                    return;
                }
                closed.release();
            }
        }

        void awaitClosed(int count) throws InterruptedException {
            assertThat(closed.tryAcquire(count, 10, TimeUnit.SECONDS)).isTrue();
        }

        /** Reads a request's head (a pull has no body). */
        private static void readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < end.length) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("request ended early");
                }
                head.write(b);
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
