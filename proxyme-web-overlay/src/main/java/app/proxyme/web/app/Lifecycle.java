package app.proxyme.web.app;

import app.proxyme.domain.port.in.DecideApproval;
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
 * Starts the engine eagerly at boot (so that {@code /health} turns UP only when it is ready) and runs the
 * approval deadline: every second, pending approvals past their deadline expire.
 */
@ApplicationScoped
public class Lifecycle {
    private static final System.Logger LOG = System.getLogger(Lifecycle.class.getName());

    private final DecideApproval approvals;
    private final AtomicBoolean ready = new AtomicBoolean();
    private ScheduledExecutorService deadlines;

    @Inject
    public Lifecycle(DecideApproval approvals) {
        this.approvals = approvals;
    }

    protected Lifecycle() {
        this.approvals = null;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        deadlines = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("approval-deadlines").daemon(true).factory());
        deadlines.scheduleWithFixedDelay(this::expireDue, 1, 1, TimeUnit.SECONDS);
        ready.set(true);
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
