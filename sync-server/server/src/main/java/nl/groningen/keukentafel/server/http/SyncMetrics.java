package nl.groningen.keukentafel.server.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;

/**
 * The server's figures for Prometheus ({@code GET /metrics}): JVM and process, requests per
 * endpoint, method and status, and the sync work done. Labels hold only fixed words (an endpoint
 * template, a status, a reason code): never an id, a name or anything a request carried.
 */
final class SyncMetrics implements AutoCloseable {

    /** What Prometheus expects of a text scrape. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter pulls;
    private final Counter pulledChanges;
    private final Counter cursorsAhead;

    SyncMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        for (ChangeStatus status : ChangeStatus.values()) {
            pushed(status); // every status shows from the start, at 0
        }
        pulls = Counter.builder("keukentafel.sync.pulls").description("Pull pages served to laptops").register(registry);
        pulledChanges = Counter.builder("keukentafel.sync.pulled.changes").description("Changes sent to laptops in pull pages")
                .register(registry);
        cursorsAhead = Counter.builder("keukentafel.sync.cursor.ahead")
                .description("Pulls from a laptop that has seen numbers this database never handed out (restored without mark-restored)")
                .register(registry);
    }

    /** One HTTP request done; {@code endpoint} is a route template or "unmatched", never the raw path. */
    void request(String method, String endpoint, int status, long millis) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by endpoint, method and status")
                .tag("method", method)
                .tag("endpoint", endpoint)
                .tag("status", Integer.toString(status))
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
                        Duration.ofSeconds(5), Duration.ofSeconds(10))
                .register(registry)
                .record(millis, TimeUnit.MILLISECONDS);
    }

    /** The server's answers to one push: counted per status, refusals also per reason code. */
    void pushed(List<ChangeResult> results) {
        for (ChangeResult result : results) {
            pushed(result.status()).increment();
            if (result.reason() != null) {
                Counter.builder("keukentafel.sync.refused.changes").description("Pushed changes not applied, by reason code")
                        .tag("reason", result.reason()).register(registry).increment();
            }
        }
    }

    void pulled(int changes) {
        pulls.increment();
        pulledChanges.increment(changes);
    }

    /** A laptop pulled after a number above the server's last: the database went back in time. Alert on any. */
    void cursorAhead() {
        cursorsAhead.increment();
    }

    /** An enrolment attempt and how it ended: enrolled, wrong_credentials, bad_code, locked_out, bad_request. */
    void enrolment(String outcome) {
        Counter.builder("keukentafel.enrolments").description("Enrolment attempts by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }

    /** All figures in Prometheus' text format. */
    String scrape() {
        return registry.scrape();
    }

    private Counter pushed(ChangeStatus status) {
        return Counter.builder("keukentafel.sync.pushed.changes").description("Pushed changes by the server's answer")
                .tag("status", status.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
