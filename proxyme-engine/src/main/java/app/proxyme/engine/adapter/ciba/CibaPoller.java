package app.proxyme.engine.adapter.ciba;

import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.StepUpRequest;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.port.in.SettleApproval;
import app.proxyme.domain.port.out.Leases;
import app.proxyme.domain.port.out.StepUpRequests;
import app.proxyme.domain.port.out.SuggestionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls Auth0 for the pushes in flight, on its own scheduler thread and on one instance at a time (the lease
 * {@value #LEASE}); the state of each request is stored, so that a restart or another instance carries on.
 *
 * <p>Each request is polled no sooner than its interval: {@code authorization_pending} keeps it, {@code slow_down}
 * lengthens it (to the interval Auth0 names, at least {@link #SLOW_DOWN_STEP} more), a 429 waits for its
 * {@code Retry-After}, and a network failure or 5xx tries again after the interval. The rest settles the approval
 * through {@link SettleApproval} (audit first): tokens → {@code APPROVED} by the user; {@code access_denied} →
 * {@code DENIED} by the user before the deadline (the earlier of the approval's and Auth0's {@code expires_in}) and
 * {@code EXPIRED} after it; {@code expired_token} → {@code EXPIRED}; {@code invalid_grant} and any other error →
 * {@code FAILED}, with the reason stored, audited and shown. An approval decided in Proxy Me first is dropped
 * silently. An outcome whose settlement fails (the audit log is down) is kept and settled again later, since Auth0
 * redeems an {@code auth_req_id} only once.
 */
public final class CibaPoller implements AutoCloseable {
    /** The lease that lets one instance at a time poll. */
    public static final String LEASE = "ciba-poller";
    /** Recorded as {@code detail.via} of the decisions it settles. */
    static final String VIA = "auth0-ciba";
    /** A {@code slow_down} lengthens the interval by at least this much (RFC 8628 and CIBA). */
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    static final String DROPPED = "dropped: the approval was decided in Proxy Me first";

    private static final System.Logger LOG = System.getLogger(CibaPoller.class.getName());
    private static final int BATCH = 100;
    private static final Duration KEEP_ENDED = Duration.ofDays(1);
    private static final Duration FORGET_EVERY = Duration.ofHours(1);

    private final CibaClient client;
    private final StepUpRequests requests;
    private final SuggestionStore suggestions;
    private final SettleApproval approvals;
    private final DeviceNotes notes;
    private final Leases leases;
    private final Clock clock;
    private final Duration leaseTtl;
    private ScheduledExecutorService scheduler;
    private volatile boolean closed;
    private Instant forgotAt = Instant.EPOCH;

    /** @param leaseTtl how long the lease outlives a holder that stopped without giving it up */
    public CibaPoller(
            CibaClient client,
            StepUpRequests requests,
            SuggestionStore suggestions,
            SettleApproval approvals,
            DeviceNotes notes,
            Leases leases,
            Clock clock,
            Duration leaseTtl) {
        this.client = client;
        this.requests = requests;
        this.suggestions = suggestions;
        this.approvals = approvals;
        this.notes = notes;
        this.leases = leases;
        this.clock = clock;
        this.leaseTtl = leaseTtl;
    }

    /** Runs {@link #runOnce()} every {@code tick} on a thread of its own, until {@link #close()}. */
    public synchronized void start(Duration tick) {
        if (scheduler != null || closed) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("ciba-poller").factory());
        scheduler.scheduleWithFixedDelay(this::runOnce, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Polls the requests that are due, if this instance holds (or now takes) the lease.
     *
     * @return how many requests were handled; 0 also when another instance polls
     */
    public int runOnce() {
        if (closed) {
            return 0;
        }
        try {
            if (!leases.hold(LEASE, leaseTtl)) {
                return 0;
            }
            forgetEnded();
            var due = requests.due(clock.instant(), BATCH);
            for (StepUpRequest r : due) {
                if (closed) {
                    break;
                }
                try {
                    poll(r);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "polling " + r.approvalId() + " failed; again later", e);
                }
            }
            return due.size();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the CIBA poller could not run; again at the next tick", e);
            return 0;
        }
    }

    /** Polls one request and acts on the answer. */
    void poll(StepUpRequest r) {
        Optional<Suggestion> pending = suggestions.byApproval(r.approvalId()).filter(Suggestion::isPending);
        if (pending.isEmpty()) {
            requests.save(r.done(null, DROPPED));
            return;
        }
        Suggestion held = pending.get();
        if (r.outcome() != null) {
            settle(r, held, r.outcome(), r.reason());
            return;
        }
        Instant deadline = r.expiresAt().isBefore(held.expiresAt()) ? r.expiresAt() : held.expiresAt();
        PollAnswer answer = client.poll(r.externalId());
        Instant now = clock.instant();
        switch (answer) {
            case PollAnswer.Pending p -> requests.save(r.pollAgain(r.interval(), now.plus(r.interval())));
            case PollAnswer.SlowDown s -> {
                Duration longer = max(s.interval(), r.interval().plus(SLOW_DOWN_STEP));
                requests.save(r.pollAgain(longer, now.plus(max(s.retryAfter(), longer))));
            }
            case PollAnswer.RateLimited l ->
                requests.save(r.pollAgain(r.interval(), now.plus(max(l.retryAfter(), r.interval()))));
            case PollAnswer.Unreachable u -> {
                LOG.log(System.Logger.Level.INFO, "Auth0 unreachable polling " + r.approvalId() + ": " + u.reason());
                requests.save(r.pollAgain(r.interval(), now.plus(r.interval())));
            }
            case PollAnswer.Approved a -> settle(r, held, ApprovalStatus.APPROVED, null);
            case PollAnswer.Denied d -> {
                if (now.isBefore(deadline)) {
                    settle(r, held, ApprovalStatus.DENIED, null);
                } else {
                    settle(r, held, ApprovalStatus.EXPIRED, "the push expired unanswered");
                }
            }
            case PollAnswer.Expired e -> settle(r, held, ApprovalStatus.EXPIRED, "the push expired unanswered");
            case PollAnswer.Refused f -> settle(r, held, ApprovalStatus.FAILED, f.reason());
        }
    }

    /** Settles the outcome (audit first); a failed settlement is kept and tried again after the interval. */
    private void settle(StepUpRequest r, Suggestion held, ApprovalStatus outcome, String reason) {
        boolean users = outcome == ApprovalStatus.APPROVED || outcome == ApprovalStatus.DENIED;
        var report = new SettleApproval.Report(r.approvalId(), outcome, users ? held.user() : "engine", VIA, reason);
        Optional<Suggestion> decided;
        try {
            decided = approvals.settle(report);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot settle " + r.approvalId() + " yet: " + e.getMessage());
            requests.save(r.seen(outcome, reason, clock.instant().plus(r.interval())));
            return;
        }
        if (decided.isEmpty()) {
            requests.save(r.done(null, DROPPED));
            return;
        }
        ApprovalStatus settled = decided.get().approvalStatus();
        requests.save(r.done(settled, reason == null ? settled.name() : settled + ": " + reason));
        if (settled == ApprovalStatus.FAILED) {
            notes.tell(decided.get(), DeviceNotes.PUSH, "The phone approval failed: " + reason + ".");
        }
    }

    private void forgetEnded() {
        Instant now = clock.instant();
        if (now.isBefore(forgotAt.plus(FORGET_EVERY))) {
            return;
        }
        forgotAt = now;
        requests.forgetEndedBefore(now.minus(KEEP_ENDED));
    }

    private static Duration max(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) > 0 ? a : b;
    }

    /** Stops polling here and gives up the lease, so that another instance takes over at once. */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (scheduler != null) {
                scheduler.shutdownNow();
                try {
                    scheduler.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try {
            leases.release(LEASE);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "the lease " + LEASE + " expires by itself: " + e.getMessage());
        }
    }
}
