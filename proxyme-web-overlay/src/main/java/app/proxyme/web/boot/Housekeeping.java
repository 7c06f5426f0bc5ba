package app.proxyme.web.boot;

import app.proxyme.domain.port.in.DecideApproval;
import app.proxyme.domain.port.in.HandOff;
import app.proxyme.domain.port.out.Leases;
import app.proxyme.engine.audit.AuditRetention;
import app.proxyme.engine.meeting.ChunkRecovery;
import app.proxyme.engine.meeting.InstanceLiveness;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Background jobs of the engine: approval deadlines every second; this instance's heartbeat every 5 s (on every
 * instance); audit retention a few minutes after start, then
 * every six hours; signing-key rotation a minute after start, then hourly; chunk recovery at start, then every 10 s. With the embedded database no other process can have
 * chunks in flight, so at start every chunk a previous run left open is recorded as {@code chunk_abandoned} at once;
 * otherwise (and later on) only those open for longer than {@code PROXYME_CHUNK_GRACE_S}. Several instances may share
 * the database: each job runs only on the instance that holds its lease ({@link Leases}), which it renews on every
 * run; when that instance dies, another takes the lease over within {@link #TAKE_OVER}. With
 * {@code PROXYME_APPROVAL=auth0-ciba}, the CIBA poller runs every second under its own lease ({@link CibaLink}).
 */
@ApplicationScoped
class Housekeeping {
    private static final System.Logger LOG = System.getLogger(Housekeeping.class.getName());

    /** A job's lease outlives its holder by at most this long. */
    static final Duration TAKE_OVER = Duration.ofSeconds(20);
    /** Retention holds its lease for one run, at most this long. */
    static final Duration RETENTION_RUN = Duration.ofMinutes(30);

    private final AuditRetention retention;
    private final ChunkRecovery recovery;
    private final DecideApproval approvals;
    private final Leases leases;
    private final InstanceLiveness liveness;
    private final KeyRings keys;
    private final RuntimeSettings settings;
    private final Clock clock;
    private final Instance<CibaLink> ciba;
    private final HandOff handOff;
    private ScheduledExecutorService scheduler;
    private ScheduledExecutorService chunks;
    private ScheduledExecutorService deadlines;

    @Inject
    Housekeeping(
            AuditRetention retention,
            ChunkRecovery recovery,
            DecideApproval approvals,
            Leases leases,
            InstanceLiveness liveness,
            KeyRings keys,
            RuntimeSettings settings,
            Clock clock,
            Instance<CibaLink> ciba,
            HandOff handOff) {
        this.retention = retention;
        this.recovery = recovery;
        this.approvals = approvals;
        this.leases = leases;
        this.liveness = liveness;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.ciba = ciba;
        this.handOff = handOff;
    }

    /** For CDI's proxy. */
    protected Housekeeping() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        deadlines = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("approval-deadlines").factory());
        deadlines.scheduleWithFixedDelay(() -> leased("approval-deadlines", this::expireDue), 1, 1, TimeUnit.SECONDS);
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("audit-retention").factory());
        scheduler.scheduleWithFixedDelay(this::retain, 5, 6 * 60, TimeUnit.MINUTES);
        scheduler.scheduleWithFixedDelay(() -> leased("key-rotation", this::rotateKeys), 1, 60, TimeUnit.MINUTES);
        if (settings.approval().equals("auth0-ciba")) {
            ciba.get().poller().start(CibaLink.TICK);
        }
        Instant started = clock.instant();
        chunks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("chunk-recovery").factory());
        chunks.execute(this::beat);
        chunks.scheduleWithFixedDelay(
                this::beat, InstanceLiveness.BEAT.toMillis(), InstanceLiveness.BEAT.toMillis(), TimeUnit.MILLISECONDS);
        chunks.execute(
                () -> leased("chunk-recovery", () -> recover(settings.engine().embeddedDatabase() ? started : null)));
        chunks.scheduleWithFixedDelay(() -> leased("chunk-recovery", () -> recover(null)), 10, 10, TimeUnit.SECONDS);
        LOG.log(
                System.Logger.Level.INFO,
                "Proxy Me started: " + settings.engine() + ", fga " + settings.fga() + ", identity "
                        + settings.identity() + ", approval " + settings.approval() + ", llm " + settings.llm()
                        + "; instance " + leases.instance() + " (its id in the leases table)");
        if (settings.identity().equals("embedded")) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    settings.demoExposed()
                            ? "demo sign-in is on and exposed (PROXYME_DEMO_EXPOSED=true): anyone who reaches this"
                                    + " server can sign in as any demo user"
                            : "demo sign-in is on (embedded identity): listening on 127.0.0.1 only;"
                                    + " PROXYME_IDENTITY=auth0 or oidc for real sign-in");
        }
    }

    /** Runs {@code job} if this instance holds (or now takes) the lease {@code name}, renewed for {@link #TAKE_OVER}. */
    private void leased(String name, Runnable job) {
        boolean held;
        try {
            held = leases.hold(name, TAKE_OVER);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot take the lease of " + name + "; not run this time", e);
            return;
        }
        if (held) {
            job.run();
        }
    }

    private void expireDue() {
        try {
            approvals.expireDue();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "expiring approvals failed; retrying in a second", e);
        }
        try {
            handOff.expireConsents();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "expiring ACI consents failed; retrying in a second", e);
        }
    }

    private void retain() {
        try {
            if (!leases.hold("audit-retention", RETENTION_RUN)) {
                return; // another instance prunes now
            }
            try {
                retention.run();
            } finally {
                leases.release("audit-retention");
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "audit retention failed; next run in six hours", e);
        }
    }

    /** Deletes the liveness leases of instances that stopped more than a day ago. */
    private void forgetStoppedInstances() {
        try {
            liveness.forgetLongStopped();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "forgetting stopped instances failed; again in an hour", e);
        }
    }

    /** Replaces every signing key older than {@code PROXYME_KEY_ROTATION_DAYS}. */
    private void rotateKeys() {
        for (var ring : keys.all()) {
            try {
                ring.rotateIfDue();
            } catch (RuntimeException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "rotating the " + ring.purpose() + " key failed; again in an hour",
                        e);
            }
        }
    }

    /** Says that this instance runs (every instance, no lease): its open chunks are not abandoned meanwhile. */
    private void beat() {
        try {
            liveness.beat();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot say that this instance is alive; again in 5 s", e);
        }
    }

    /**
     * Abandons chunks accepted before {@code cutoff}, or (null) open for longer than the grace period, and those of
     * instances that have stopped.
     */
    private void recover(Instant cutoff) {
        try {
            recovery.abandonOfStoppedInstances();
            recovery.abandonAcceptedBefore(
                    cutoff != null ? cutoff : clock.instant().minus(settings.chunkGrace()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "chunk recovery failed; again in 15 s", e);
        }
    }

    @PreDestroy
    void stop() {
        if (deadlines != null) {
            deadlines.shutdownNow();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (chunks != null) {
            chunks.shutdownNow();
        }
    }
}
