package app.proxyme.web.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the engine has opened its database, seeded it and started its deadline timer. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
    private final Lifecycle lifecycle;

    @Inject
    public ReadinessCheck(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    protected ReadinessCheck() {
        this.lifecycle = null;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("engine").status(lifecycle.ready()).build();
    }
}
