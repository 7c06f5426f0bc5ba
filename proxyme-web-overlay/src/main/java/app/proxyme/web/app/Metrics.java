package app.proxyme.web.app;

import app.proxyme.domain.decision.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/** Decision counters, the chunk → decision latency, refused chunks and closed sockets, on {@code /metrics}. */
@ApplicationScoped
public class Metrics {
    private final MetricRegistry registry;
    private final Timer latency;

    @Inject
    public Metrics(MetricRegistry registry) {
        this.registry = registry;
        this.latency = registry.timer("proxyme.chunk.decision");
    }

    protected Metrics() {
        this.registry = null;
        this.latency = null;
    }

    /** A decision was sent, {@code nanos} after its chunk was accepted. */
    public void decided(Outcome outcome, long nanos) {
        registry.counter("proxyme.decisions", new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT)))
                .inc();
        latency.update(Duration.ofNanos(nanos));
    }

    /** A chunk was refused with {@code busy}: its user's lane was full. */
    public void busy() {
        registry.counter("proxyme.chunks.busy").inc();
    }

    /** The server closed an overlay's socket with {@code code} (1008 signed out, 1013 not reading, 1001 shutdown). */
    public void closed(int code) {
        registry.counter("proxyme.ws.closed", new Tag("code", String.valueOf(code)))
                .inc();
    }
}
