package app.proxyme.engine.approval;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.Ids;
import app.proxyme.domain.access.Access;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.DecideApproval;
import app.proxyme.domain.port.in.SettleApproval;
import app.proxyme.domain.port.out.ApprovalListener;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.SuggestionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The use case "decide an approval": the held suggestion's own user approves or denies it, once — in the overlay, or
 * on another device whose approver reports it ({@link SettleApproval}); past its deadline it expires. Every decision
 * is recorded and reported to the {@link ApprovalListener}.
 *
 * <p>Audit first: a decision is settled in three steps — the {@code approval_decided} event is durable, then the
 * approval's status changes (what a reconnecting overlay and {@code GET /api/approvals} read), then the user's
 * devices are told. If the audit append fails, nothing changes and the caller gets the
 * {@code DependencyUnavailableException} ({@code unavailable}).
 *
 * <p>So that the event describes a decision that then does happen, the compare-and-set is made <em>before</em> the
 * event is written: the decider first {@linkplain SuggestionStore#claim claims} the pending approval (of concurrent
 * deciders — the user on two devices, the deadline job on two instances — exactly one wins; the others get
 * {@code CONFLICT} or skip it, and write nothing), audits, and then only the claim's holder can move the status. A
 * claim whose audit append failed is released. What remains is the window between two durable writes: if the status
 * write fails after the event was written (the database goes away in that millisecond), or the holder is stopped
 * there, the approval stays pending, its claim goes stale after {@link #CLAIM_TTL}, and the next decision is audited
 * again — the trail then holds an {@code approval_decided} that did not take effect, followed by the one that did.
 * One transaction over both writes would close that window, but the audit log commits in its own group-commit
 * transactions (and need not live in the same database as the suggestions).
 */
public final class ApprovalDesk implements DecideApproval, SettleApproval {
    /** A claim older than this is taken over: its holder stopped between claiming and deciding. */
    public static final Duration CLAIM_TTL = Duration.ofSeconds(30);

    private final SuggestionStore suggestions;
    private final AuditLog audit;
    private final Clock clock;
    private final ApprovalListener listener;

    public ApprovalDesk(SuggestionStore suggestions, AuditLog audit, Clock clock, ApprovalListener listener) {
        this.suggestions = suggestions;
        this.audit = audit;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Approves or denies a pending approval of {@code actor}'s.
     *
     * @throws DomainException {@code NOT_FOUND} for an unknown approval, and for someone else's (of any
     *     organisation), {@code CONFLICT} when it is no longer pending
     */
    @Override
    public Suggestion decide(Member actor, String approvalId, boolean approve) {
        // someone else's approval is answered like one that does not exist: its id tells nothing
        Suggestion held = suggestions
                .byApproval(approvalId)
                .filter(s -> s.org().equals(actor.org()) && s.user().equals(actor.email()))
                .orElseThrow(() -> DomainException.notFound("no approval " + approvalId));
        Instant now = clock.instant();
        if (held.isPending() && !now.isBefore(held.expiresAt())) {
            settle(held, ApprovalStatus.EXPIRED, "engine", now, Map.of());
            throw DomainException.conflict("approval " + approvalId + " expired");
        }
        ApprovalStatus outcome = approve ? ApprovalStatus.APPROVED : ApprovalStatus.DENIED;
        return settle(held, outcome, actor.email(), now, Map.of())
                .orElseThrow(() -> DomainException.conflict("approval " + approvalId + " already decided"));
    }

    /**
     * Settles what an out-of-band approver reported, as {@link #decide} would (a user's decision past the deadline
     * expires instead); the event's detail names the approver ({@code via}) and the reason.
     */
    @Override
    public Optional<Suggestion> settle(Report report) {
        Optional<Suggestion> held = suggestions.byApproval(report.approvalId()).filter(Suggestion::isPending);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("via", report.via());
        if (report.reason() != null) {
            extra.put("reason", report.reason());
        }
        boolean late = !now.isBefore(held.get().expiresAt());
        if (late && (report.outcome() == ApprovalStatus.APPROVED || report.outcome() == ApprovalStatus.DENIED)) {
            return settle(held.get(), ApprovalStatus.EXPIRED, "engine", now, extra);
        }
        return settle(held.get(), report.outcome(), report.by(), now, extra);
    }

    /** Expires every pending approval past its deadline; returns how many. */
    @Override
    public int expireDue() {
        Instant now = clock.instant();
        List<Suggestion> due = suggestions.due(now);
        int expired = 0;
        for (Suggestion s : due) {
            if (settle(s, ApprovalStatus.EXPIRED, "engine", now, Map.of()).isPresent()) {
                expired++;
            }
        }
        return expired;
    }

    /** The pending approvals of a member, oldest first. */
    @Override
    public List<Suggestion> pending(Member member) {
        return suggestions.pending(member.org(), member.email());
    }

    /** Every pending approval of the caller's organisation, oldest first: its admins only. */
    @Override
    public List<Suggestion> pendingInOrganisation(Member caller) {
        Access.require(caller, Capability.WATCH_MEETINGS);
        return suggestions.pendingInOrg(caller.org());
    }

    /**
     * Claim, audit, decide, tell: see the class comment. Empty when another decider has it or had it. {@code extra}
     * goes into the event's detail.
     */
    private Optional<Suggestion> settle(
            Suggestion held, ApprovalStatus outcome, String by, Instant at, Map<String, Object> extra) {
        String claim = Ids.next("cl");
        Optional<Suggestion> claimed = suggestions.claim(held.approvalId(), claim, at, at.minus(CLAIM_TTL));
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Suggestion s = claimed.get();
        try {
            audit.append(List.of(decidedEntry(s, outcome, by, extra)));
        } catch (RuntimeException e) {
            release(s, claim, e);
            throw e;
        }
        Optional<Suggestion> decided = suggestions.decide(s.approvalId(), claim, outcome, by, at);
        decided.ifPresent(listener::decided);
        return decided;
    }

    private void release(Suggestion s, String claim, RuntimeException failure) {
        try {
            suggestions.release(s.approvalId(), claim);
        } catch (RuntimeException e) {
            failure.addSuppressed(e); // the claim goes stale after CLAIM_TTL
        }
    }

    private static AuditEntry decidedEntry(Suggestion s, ApprovalStatus outcome, String by, Map<String, Object> extra) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("chunkSeq", s.chunkSeq());
        detail.put("approvalId", s.approvalId());
        detail.put("suggestionId", s.id());
        detail.put("decidedBy", by);
        detail.putAll(extra);
        return new AuditEntry(
                AuditType.APPROVAL_DECIDED,
                s.org(),
                s.meetingId(),
                s.user(),
                by,
                s.topic(),
                outcome.name(),
                null,
                detail);
    }
}
