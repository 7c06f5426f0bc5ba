package app.proxyme.web.boot;

import app.proxyme.domain.port.in.SettleApproval;
import app.proxyme.domain.port.out.Leases;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.domain.port.out.StepUpApproval;
import app.proxyme.domain.port.out.StepUpRequests;
import app.proxyme.domain.port.out.SuggestionStore;
import app.proxyme.engine.adapter.ciba.Auth0StepUpApproval;
import app.proxyme.engine.adapter.ciba.CibaClient;
import app.proxyme.engine.adapter.ciba.CibaPoller;
import app.proxyme.engine.adapter.devices.EmbeddedStepUpApproval;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.web.app.MeetingHub;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Auth0 CIBA ({@code PROXYME_APPROVAL=auth0-ciba}), built on first use (never in embedded mode): the step-up adapter,
 * which keeps the embedded delivery to the user's devices and pushes from two threads of its own, and the poller,
 * which {@link Housekeeping} starts. Both stop at shutdown; the poller gives up its lease so that another instance
 * polls at once.
 */
@ApplicationScoped
class CibaLink {
    /** How often the poller looks for requests due; each is polled no sooner than its own interval. */
    static final Duration TICK = Duration.ofSeconds(1);

    private static final int PUSH_THREADS = 2;
    private static final int PUSH_QUEUE = 256;

    private final RuntimeSettings settings;
    private final Database db;
    private final PolicyStore policies;
    private final SuggestionStore suggestions;
    private final SettleApproval approvals;
    private final Leases leases;
    private final MeetingHub hub;
    private final Clock clock;
    private ThreadPoolExecutor pushes;
    private Auth0StepUpApproval stepUp;
    private CibaPoller poller;

    @Inject
    CibaLink(
            RuntimeSettings settings,
            Database db,
            PolicyStore policies,
            SuggestionStore suggestions,
            SettleApproval approvals,
            Leases leases,
            MeetingHub hub,
            Clock clock) {
        this.settings = settings;
        this.db = db;
        this.policies = policies;
        this.suggestions = suggestions;
        this.approvals = approvals;
        this.leases = leases;
        this.hub = hub;
        this.clock = clock;
    }

    /** For CDI's proxy. */
    protected CibaLink() {
        this(null, null, null, null, null, null, null, null);
    }

    synchronized StepUpApproval stepUp() {
        if (stepUp == null) {
            pushes = new ThreadPoolExecutor(
                    PUSH_THREADS,
                    PUSH_THREADS,
                    0,
                    TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(PUSH_QUEUE),
                    Thread.ofPlatform().daemon().name("ciba-push-", 0).factory());
            stepUp = new Auth0StepUpApproval(
                    client(),
                    requests(),
                    policies,
                    new EmbeddedStepUpApproval(hub::approvalRequested),
                    hub::approvalNote,
                    pushes,
                    clock);
        }
        return stepUp;
    }

    synchronized CibaPoller poller() {
        if (poller == null) {
            poller = new CibaPoller(
                    client(),
                    requests(),
                    suggestions,
                    approvals,
                    hub::approvalNote,
                    leases,
                    clock,
                    Housekeeping.TAKE_OVER);
        }
        return poller;
    }

    private CibaClient client() {
        return new CibaClient(settings.ciba());
    }

    private StepUpRequests requests() {
        return db.stepUpRequests();
    }

    @PreDestroy
    synchronized void close() {
        if (poller != null) {
            poller.close();
        }
        if (pushes != null) {
            pushes.shutdownNow();
        }
    }
}
