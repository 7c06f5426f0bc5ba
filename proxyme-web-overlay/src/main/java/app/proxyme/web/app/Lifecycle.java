package app.proxyme.web.app;

import app.proxyme.domain.port.in.WarmUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the engine eagerly at boot and warms the decision path before {@code /health} turns UP. (The background
 * jobs, approval deadlines among them, run in {@code web.boot.Housekeeping}.)
 */
@ApplicationScoped
public class Lifecycle {
    private final WarmUp warmUp;
    private final AtomicBoolean ready = new AtomicBoolean();

    @Inject
    public Lifecycle(WarmUp warmUp) {
        this.warmUp = warmUp;
    }

    protected Lifecycle() {
        this(null);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // ready means warm: the first meetings after UP are decided as fast as later ones
        Thread.ofPlatform().name("warm-up").daemon(true).start(() -> {
            warmUp.warmUp();
            ready.set(true);
        });
    }

    public boolean ready() {
        return ready.get();
    }
}
