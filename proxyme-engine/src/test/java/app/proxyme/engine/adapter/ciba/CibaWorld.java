package app.proxyme.engine.adapter.ciba;

import app.proxyme.domain.Ids;
import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.BindingMessage;
import app.proxyme.domain.approval.StepUpRequest;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.approval.SuggestionStatus;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.port.in.SettleApproval;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.Leases;
import app.proxyme.engine.adapter.devices.EmbeddedStepUpApproval;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.adapter.jpa.TestInstances;
import app.proxyme.engine.approval.ApprovalDesk;
import app.proxyme.engine.policy.PolicySeeder;
import app.proxyme.engine.testsupport.CibaStub;
import app.proxyme.engine.testsupport.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Proxy Me instance in CIBA mode on a real database (H2): the approval desk, the step-up adapter (pushes sent on
 * the caller's thread, so that a test sees them at once) and the poller, all on a clock the test moves. Records what
 * the user's devices were told.
 */
final class CibaWorld implements AutoCloseable {
    static final String JAE = "jae@acme.test";
    static final String TEXT = "We can offer 30% off a 3-year term if you sign this week.";

    /** What the devices were told: the approval request, or a note on where it is asked. */
    record Told(String approvalId, ApprovalStatus status, String channel, String note) {}

    final MutableClock clock;
    final Database db;
    final AuditLog audit;
    final ApprovalDesk desk;
    final CibaClient client;
    final Leases leases;
    final Auth0StepUpApproval stepUp;
    final CibaPoller poller;
    final List<Suggestion> delivered = new CopyOnWriteArrayList<>();
    final List<Told> told = new CopyOnWriteArrayList<>();
    final List<Suggestion> decided = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();

    /**
     * @param instance the instance's id in the leases table, or {@code null} for the embedded database's own
     */
    CibaWorld(String jdbcUrl, String auth0Domain, MutableClock clock, String instance) {
        this(jdbcUrl, "sa", "", auth0Domain, clock, instance);
    }

    CibaWorld(String jdbcUrl, String user, String password, String auth0Domain, MutableClock clock, String instance) {
        this.clock = clock;
        this.db = Database.open(jdbcUrl, user, password);
        new PolicySeeder(db.policyAdmin()).seed();
        this.audit = db.auditLog(clock);
        this.desk = new ApprovalDesk(db.suggestionStore(), audit, clock, decided::add);
        this.client = new CibaClient(CibaSettings.auth0(auth0Domain, CibaStub.CLIENT_ID, CibaStub.CLIENT_SECRET));
        this.leases = instance == null ? db.leases() : TestInstances.leases(db, instance, clock);
        this.stepUp = new Auth0StepUpApproval(
                client,
                db.stepUpRequests(),
                db.policyStore(),
                new EmbeddedStepUpApproval((s, binding) -> delivered.add(s)),
                this::tell,
                Runnable::run,
                clock);
        this.poller = poller(desk);
    }

    /** A poller of this instance that settles through {@code approvals}. */
    CibaPoller poller(SettleApproval approvals) {
        return new CibaPoller(
                client, db.stepUpRequests(), db.suggestionStore(), approvals, this::tell, leases, clock, LEASE_TTL);
    }

    static final Duration LEASE_TTL = Duration.ofSeconds(20);

    private void tell(Suggestion s, String channel, String note) {
        told.add(new Told(s.approvalId(), s.approvalStatus(), channel, note));
    }

    /** A held answer of {@code user}'s on {@code topic}, stored, with an approval deadline {@code timeout} away. */
    Suggestion hold(String user, String topic, String text, Duration timeout) {
        var now = clock.instant();
        var s = new Suggestion(
                Ids.next("sg"),
                "acme",
                "m1",
                user,
                seq.incrementAndGet(),
                topic,
                text,
                SuggestionStatus.PENDING_APPROVAL,
                Ids.next("ap"),
                ApprovalStatus.PENDING,
                now,
                now.plus(timeout),
                null);
        db.suggestionStore().save(s);
        return s;
    }

    /** Holds Jae's pricing answer (deadline 120 s) and asks for its approval, as the pipeline does. */
    Suggestion ask() {
        return ask(Duration.ofSeconds(120));
    }

    Suggestion ask(Duration timeout) {
        Suggestion held = hold(JAE, "pricing", TEXT, timeout);
        stepUp.request(held, BindingMessage.of(held.topic(), held.text()));
        return held;
    }

    Suggestion current(Suggestion held) {
        return db.suggestionStore().byApproval(held.approvalId()).orElseThrow();
    }

    StepUpRequest request(Suggestion held) {
        return db.stepUpRequests().find(held.approvalId()).orElseThrow();
    }

    /** The {@code approval_decided} events of the approval. */
    List<AuditRecord> decisions(Suggestion held) {
        return db.auditEvents("acme", 1, Long.MAX_VALUE).stream()
                .filter(r -> r.entry().type() == AuditType.APPROVAL_DECIDED)
                .filter(r -> held.approvalId().equals(r.entry().detail().get("approvalId")))
                .toList();
    }

    /** The last note the devices got about {@code held}. */
    Told lastNote(Suggestion held) {
        return told.stream()
                .filter(t -> t.approvalId().equals(held.approvalId()))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the devices were told nothing of " + held.approvalId()));
    }

    @Override
    public void close() {
        poller.close();
        db.close();
    }
}
