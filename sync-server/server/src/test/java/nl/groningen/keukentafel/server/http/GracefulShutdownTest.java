package nl.groningen.keukentafel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stopping the server (SIGTERM runs {@link SyncServer#close()}, then the store closes): a request
 * in flight finishes with its answer, new connections are not taken, and a request that hangs does
 * not hold the stop beyond the grace.
 */
@ExtendWith(TestStores.class)
class GracefulShutdownTest {

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aRequestInFlightFinishesWithItsAnswerWhileTheServerStops(StoreKind kind, TestStores stores) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServerStore store = ServerStore.open(stores.fresh(kind));
        SyncServer server = new SyncServer(store, Clock.systemUTC(), null, Duration.ofSeconds(30), app ->
                app.addHttpHandler(HandlerType.GET, "/test/slow", ctx -> {
                    entered.countDown();
                    release.await();
                    ctx.result("schema " + store.schemaVersion() + ", residents " + store.countResidents());
                })).start("127.0.0.1", 0);
        int port = server.port();
        try {
            CompletableFuture<HttpResponse<String>> slow = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/slow")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
                server.close();
                store.close();
            });
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            boolean served = true;
            while (served && System.nanoTime() < until) { // the stop begins on another thread: give it its moment
                served = newRequestIsServed(port);
                Thread.sleep(served ? 100 : 0);
            }
            assertThat(served).as("a new request while stopping").isFalse();
            assertThat(stopping).as("the stop waits for the request in flight").isNotDone();

            release.countDown();
            HttpResponse<String> response = slow.get(20, TimeUnit.SECONDS);
            stopping.get(20, TimeUnit.SECONDS);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("schema " + TestStores.latestMigration() + ", residents 0");
        } finally {
            release.countDown();
            server.close();
            store.close();
        }
    }

    @Test
    void aRequestThatHangsDoesNotHoldTheStopBeyondTheGrace(TestStores stores) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        try (ServerStore store = ServerStore.open(stores.fresh(StoreKind.SQLITE))) {
            SyncServer server = new SyncServer(store, Clock.systemUTC(), null, Duration.ofSeconds(1), app ->
                    app.addHttpHandler(HandlerType.GET, "/test/hangs", ctx -> {
                        entered.countDown();
                        never.await();
                    })).start("127.0.0.1", 0);
            HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/test/hangs"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            server.close();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            never.countDown();
        }
    }

    private static boolean newRequestIsServed(int port) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
