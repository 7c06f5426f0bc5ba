package app.proxyme.web.app;

import app.proxyme.domain.port.out.DependencyUnavailableException;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * MicroProfile Fault Tolerance around a connected relationship check: a timeout per attempt, retries with backoff
 * on an unavailable answer, a bulkhead (at most 32 calls in flight, so a slow server cannot take every thread), and a circuit breaker that stops asking a failing server for a while. Whatever fails
 * surfaces as {@link DependencyUnavailableException} so the core fails closed.
 */
@ApplicationScoped
public class FgaGuard {
    /** One guarded call; go through the CDI proxy ({@link #around}) for the annotations to apply. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = DependencyUnavailableException.class)
    @Bulkhead(32)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000, successThreshold = 2)
    public List<Boolean> check(RelationshipCheck delegate, List<RelationshipQuery> queries) {
        return delegate.check(queries);
    }

    /** The delegate wrapped by the guard (the injected proxy); failures become "fga unavailable". */
    static RelationshipCheck around(FgaGuard proxy, RelationshipCheck delegate) {
        return queries -> {
            try {
                return proxy.check(delegate, queries);
            } catch (DependencyUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new DependencyUnavailableException("fga", "authorization unavailable: "
                        + e.getClass().getSimpleName(), e);
            }
        };
    }
}
