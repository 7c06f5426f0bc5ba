package app.proxyme.engine.approval;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.DecideApproval;
import app.proxyme.domain.port.out.ApprovalListener;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.SuggestionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The use case "decide an approval": the held suggestion's own user approves or denies it, once; past its
 * deadline it expires. Every decision is recorded and reported to the {@link ApprovalListener}.
 */
public final class ApprovalDesk implements DecideApproval {
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
     * @throws DomainException {@code NOT_FOUND} for an unknown approval (or another organisation's),
     *     {@code FORBIDDEN} for someone else's, {@code CONFLICT} when it is no longer pending
     */
    @Override
    public Suggestion decide(Member actor, String approvalId, boolean approve) {
        Suggestion held = suggestions
                .byApproval(approvalId)
                .filter(s -> s.org().equals(actor.org()))
                .orElseThrow(() -> DomainException.notFound("no approval " + approvalId));
        if (!held.user().equals(actor.email())) {
            throw DomainException.forbidden("approval " + approvalId + " belongs to another user");
        }
        Instant now = clock.instant();
        if (held.isPending() && !now.isBefore(held.expiresAt())) {
            settle(held, ApprovalStatus.EXPIRED, "engine", now);
            throw DomainException.conflict("approval " + approvalId + " expired");
        }
        ApprovalStatus outcome = approve ? ApprovalStatus.APPROVED : ApprovalStatus.DENIED;
        return settle(held, outcome, actor.email(), now)
                .orElseThrow(() -> DomainException.conflict("approval " + approvalId + " already decided"));
    }

    /** Expires every pending approval past its deadline; returns how many. */
    @Override
    public int expireDue() {
        Instant now = clock.instant();
        List<Suggestion> due = suggestions.due(now);
        int expired = 0;
        for (Suggestion s : due) {
            if (settle(s, ApprovalStatus.EXPIRED, "engine", now).isPresent()) {
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

    private java.util.Optional<Suggestion> settle(Suggestion held, ApprovalStatus outcome, String by, Instant at) {
        var decided = suggestions.decide(held.approvalId(), outcome, by, at);
        decided.ifPresent(s -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("chunkSeq", s.chunkSeq());
            detail.put("approvalId", s.approvalId());
            detail.put("suggestionId", s.id());
            detail.put("decidedBy", by);
            audit.append(List.of(new AuditEntry(
                    AuditType.APPROVAL_DECIDED,
                    s.org(),
                    s.meetingId(),
                    s.user(),
                    by,
                    s.topic(),
                    outcome.name(),
                    null,
                    detail)));
            listener.decided(s);
        });
        return decided;
    }
}
