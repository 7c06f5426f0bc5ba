package app.proxyme.web.boot;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The connected relationship check behind MicroProfile Fault Tolerance, with a circuit breaker of its own: a
 * timeout per attempt, retries with backoff and jitter on an unavailable answer, a bulkhead (at most 32 calls in
 * flight, so a slow server cannot take every thread), and a breaker that stops asking a failing server for a while.
 * Whatever fails surfaces as {@link DependencyUnavailableException} ({@link Unavailable}), so the core fails closed.
 */
@ApplicationScoped
@Typed(GuardedRelationshipCheck.class)
class GuardedRelationshipCheck implements RelationshipCheck {
    private final OpenFgaLink link;

    @Inject
    GuardedRelationshipCheck(OpenFgaLink link) {
        this.link = link;
    }

    /** For CDI's proxy. */
    protected GuardedRelationshipCheck() {
        this(null);
    }

    @Override
    @Fallback(Unavailable.Fga.class)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = DependencyUnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000, successThreshold = 2)
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Bulkhead(32)
    public List<Boolean> check(List<RelationshipQuery> queries) {
        return link.fga().relationshipCheck().check(queries);
    }
}
