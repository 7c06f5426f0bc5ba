package app.proxyme.domain.port.in;

import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.policy.Member;
import java.util.List;

/** Use case: a held suggestion's own user approves or denies it, once; past its deadline it expires. */
public interface DecideApproval {
    /**
     * @throws app.proxyme.domain.DomainException {@code NOT_FOUND} for an unknown approval (or another
     *     organisation's), {@code FORBIDDEN} for someone else's, {@code CONFLICT} when it is no longer pending
     */
    Suggestion decide(Member actor, String approvalId, boolean approve);

    /** The member's pending approvals, oldest first. */
    List<Suggestion> pending(Member member);

    /**
     * Every member's pending approvals in the caller's organisation, oldest first (from the store: those held on any
     * instance).
     *
     * @throws app.proxyme.domain.DomainException {@code FORBIDDEN} unless the caller may watch the organisation's
     *     meetings
     */
    List<Suggestion> pendingInOrganisation(Member caller);

    /** Expires every pending approval past its deadline; returns how many. */
    int expireDue();
}
