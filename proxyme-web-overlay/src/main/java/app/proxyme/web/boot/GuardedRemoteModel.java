package app.proxyme.web.boot;

import app.proxyme.domain.DomainException;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.RemoteModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * A policy change's model write to OpenFGA, guarded on its own: a deadline, a bulkhead and a circuit breaker. No
 * retry: the import fails and changes nothing, and the admin imports again. A refusal of the change itself (a pinned
 * model id) is not a failure of the server and passes through as it is.
 */
@ApplicationScoped
@Typed(GuardedRemoteModel.class)
class GuardedRemoteModel implements RemoteModel {
    private final OpenFgaLink link;

    @Inject
    GuardedRemoteModel(OpenFgaLink link) {
        this.link = link;
    }

    /** For CDI's proxy. */
    protected GuardedRemoteModel() {
        this(null);
    }

    @Override
    @Fallback(value = Unavailable.Model.class, skipOn = DomainException.class)
    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.5,
            delay = 10_000,
            successThreshold = 1,
            skipOn = DomainException.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Bulkhead(2)
    public String write(FgaModel model) {
        return link.fga().remoteModel().write(model);
    }
}
