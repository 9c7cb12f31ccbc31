package nl.groningen.keukentafel.installers.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The real sync server (its runnable jar from the reactor build) with the demo data on a free
 * loopback port: the demo coach sanne with her caseload, and a fresh one-time enrolment code at
 * every start. Stopping and starting it again on the same data folder keeps what it holds.
 */
final class TestSyncServer implements AutoCloseable {

    private final Path dataFolder;
    private final int port;
    private Process process;

    TestSyncServer(Path dataFolder) {
        this.dataFolder = dataFolder;
        this.port = freePort();
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("server.jar", "../../sync-server/server/target/keukentafel-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: build the server first (mvn verify from the root)");
        }
        return jar;
    }

    TestSyncServer start() throws IOException, InterruptedException {
        Path log = dataFolder.resolve("server.log");
        Files.createDirectories(dataFolder);
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar().toString(), "serve", "--demo", "--data-dir", dataFolder.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until) {
            if (!process.isAlive()) {
                throw new AssertionError("The sync server stopped with exit code " + process.exitValue() + "\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The sync server did not answer /health within 120 s\n" + Files.readString(log));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The one-time enrolment code for sanne that this start of the server wrote. */
    String enrolmentCode() throws IOException {
        return Files.readString(dataFolder.resolve("demo-enrolment-code.txt"), StandardCharsets.UTF_8).trim();
    }

    /** Stops the server (SIGTERM, as a service manager would) and waits for it. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
