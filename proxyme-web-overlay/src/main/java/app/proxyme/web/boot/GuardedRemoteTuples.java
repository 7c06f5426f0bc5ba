package app.proxyme.web.boot;

import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.fga.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * A policy import's tuple writes to OpenFGA, guarded on their own: a deadline and a bulkhead, and a circuit breaker
 * separate from the relationship check's. No retry: a write is not idempotent on the server, and the adapter undoes
 * a partial write itself; any failure reaches the import as "fga unavailable", and the import changes nothing.
 */
@ApplicationScoped
@Typed(GuardedRemoteTuples.class)
class GuardedRemoteTuples implements RemoteTuples {
    private final OpenFgaLink link;

    @Inject
    GuardedRemoteTuples(OpenFgaLink link) {
        this.link = link;
    }

    /** For CDI's proxy. */
    protected GuardedRemoteTuples() {
        this(null);
    }

    @Override
    @Fallback(Unavailable.Tuples.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000, successThreshold = 1)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Bulkhead(4)
    public Applied apply(List<Tuple> writes, List<Tuple> deletes) {
        return link.fga().remoteTuples().apply(writes, deletes);
    }
}
