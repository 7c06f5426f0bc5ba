package app.proxyme.web.boot;

import app.proxyme.domain.port.out.SharedCaches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Infrastructure beside the composition root: says whether this instance hears the changes other instances make ({@code trusted}) or reads through to the
 * database because it cannot. Either way it decides on current state, so the check is UP.
 */
@Readiness
@ApplicationScoped
public class SharedCachesCheck implements HealthCheck {
    private final SharedCaches caches;

    @Inject
    public SharedCachesCheck(SharedCaches caches) {
        this.caches = caches;
    }

    protected SharedCachesCheck() {
        this.caches = null;
    }

    @Override
    public HealthCheckResponse call() {
        SharedCaches.State state = caches.state();
        return HealthCheckResponse.named("shared-caches")
                .up()
                .withData("trusted", state.trusted())
                .withData("how", state.how())
                .build();
    }
}
