package nl.groningen.keukentafel.app.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A load balancer for tests: an HTTP server on a free local port that hands each request to the
 * next of its servers in turn and passes the answer back as it came, so a laptop's push and its
 * pull, and the pages of one pull, go to different server instances.
 */
final class RoundRobinProxy implements AutoCloseable {

    /** Headers the JDK's client sets itself, or that belong to one hop, not the request. */
    private static final Set<String> NOT_PASSED_ON = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive");

    private final List<String> servers;
    private final HttpServer http;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicIntegerArray served;

    private RoundRobinProxy(List<String> servers) throws IOException {
        this.servers = List.copyOf(servers);
        this.served = new AtomicIntegerArray(servers.size());
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::forward);
        http.start();
    }

    /** A proxy in front of {@code servers} (base addresses such as {@code http://127.0.0.1:4711}). */
    static RoundRobinProxy start(List<String> servers) throws IOException {
        return new RoundRobinProxy(servers);
    }

    /** The address laptops use. */
    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** How many requests server {@code index} was handed. */
    int served(int index) {
        return served.get(index);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            int index = Math.floorMod(turn.getAndIncrement(), servers.size());
            served.incrementAndGet(index);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(servers.get(index) + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_PASSED_ON.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_PASSED_ON.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] out = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
