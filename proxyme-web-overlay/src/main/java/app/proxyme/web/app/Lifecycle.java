package app.proxyme.web.app;

import app.proxyme.domain.port.in.DecideApproval;
import app.proxyme.domain.port.in.WarmUp;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the engine eagerly at boot, warms the decision path before {@code /health} turns UP, and runs the
 * approval deadline: every second, pending approvals past their deadline expire.
 */
@ApplicationScoped
public class Lifecycle {
    private static final System.Logger LOG = System.getLogger(Lifecycle.class.getName());

    private final DecideApproval approvals;
    private final WarmUp warmUp;
    private final AtomicBoolean ready = new AtomicBoolean();
    private ScheduledExecutorService deadlines;

    @Inject
    public Lifecycle(DecideApproval approvals, WarmUp warmUp) {
        this.approvals = approvals;
        this.warmUp = warmUp;
    }

    protected Lifecycle() {
        this(null, null);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        deadlines = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("approval-deadlines").daemon(true).factory());
        deadlines.scheduleWithFixedDelay(this::expireDue, 1, 1, TimeUnit.SECONDS);
        // ready means warm: the first meetings after UP are decided as fast as later ones
        Thread.ofPlatform().name("warm-up").daemon(true).start(() -> {
            warmUp.warmUp();
            ready.set(true);
        });
    }

    private void expireDue() {
        try {
            approvals.expireDue();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "expiring approvals failed; retrying in a second", e);
        }
    }

    public boolean ready() {
        return ready.get();
    }

    @PreDestroy
    void stop() {
        if (deadlines != null) {
            deadlines.shutdownNow();
        }
    }
}
