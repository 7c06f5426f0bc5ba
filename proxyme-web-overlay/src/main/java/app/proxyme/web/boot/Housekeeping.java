package app.proxyme.web.boot;

import app.proxyme.engine.audit.AuditRetention;
import app.proxyme.engine.meeting.ChunkRecovery;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Background jobs of the engine: audit retention a few minutes after start, then every six hours; chunk recovery at
 * start, then every 15 s. With the embedded database no other process can have chunks in flight, so at start every
 * chunk a previous run left open is recorded as {@code chunk_abandoned} at once; otherwise (and later on) only those
 * open for longer than {@code PROXYME_CHUNK_GRACE_S}.
 */
@ApplicationScoped
class Housekeeping {
    private static final System.Logger LOG = System.getLogger(Housekeeping.class.getName());

    private final AuditRetention retention;
    private final ChunkRecovery recovery;
    private final RuntimeSettings settings;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private ScheduledExecutorService chunks;

    @Inject
    Housekeeping(AuditRetention retention, ChunkRecovery recovery, RuntimeSettings settings, Clock clock) {
        this.retention = retention;
        this.recovery = recovery;
        this.settings = settings;
        this.clock = clock;
    }

    /** For CDI's proxy. */
    protected Housekeeping() {
        this(null, null, null, null);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("audit-retention").factory());
        scheduler.scheduleWithFixedDelay(this::retain, 5, 6 * 60, TimeUnit.MINUTES);
        Instant started = clock.instant();
        chunks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("chunk-recovery").factory());
        chunks.execute(() -> recover(settings.engine().embeddedDatabase() ? started : null));
        chunks.scheduleWithFixedDelay(() -> recover(null), 15, 15, TimeUnit.SECONDS);
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

    /** Abandons chunks accepted before {@code cutoff}, or (null) open for longer than the grace period. */
    private void recover(Instant cutoff) {
        try {
            recovery.abandonAcceptedBefore(
                    cutoff != null ? cutoff : clock.instant().minus(settings.chunkGrace()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "chunk recovery failed; again in 15 s", e);
        }
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (chunks != null) {
            chunks.shutdownNow();
        }
    }
}
