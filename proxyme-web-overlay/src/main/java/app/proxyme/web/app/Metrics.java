package app.proxyme.web.app;

import app.proxyme.domain.decision.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/** Decision counters and the chunk → decision latency, on {@code /metrics}. */
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
}
