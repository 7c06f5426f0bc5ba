package app.proxyme.web.boot;

import app.proxyme.engine.audit.AuditRetention;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Background jobs of the engine: audit retention a few minutes after start, then every six hours. */
@ApplicationScoped
class Housekeeping {
    private static final System.Logger LOG = System.getLogger(Housekeeping.class.getName());

    private final AuditRetention retention;
    private final RuntimeSettings settings;
    private ScheduledExecutorService scheduler;

    @Inject
    Housekeeping(AuditRetention retention, RuntimeSettings settings) {
        this.retention = retention;
        this.settings = settings;
    }

    /** For CDI's proxy. */
    protected Housekeeping() {
        this(null, null);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("audit-retention").factory());
        scheduler.scheduleWithFixedDelay(this::retain, 5, 6 * 60, TimeUnit.MINUTES);
        LOG.log(
                System.Logger.Level.INFO,
                "Proxy Me started: " + settings.engine() + ", fga " + settings.fga() + ", identity "
                        + settings.identity() + ", approval " + settings.approval() + ", llm " + settings.llm());
    }

    private void retain() {
        try {
            retention.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "audit retention failed; next run in six hours", e);
        }
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
