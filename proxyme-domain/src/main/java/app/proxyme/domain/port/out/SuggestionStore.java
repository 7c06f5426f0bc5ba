package app.proxyme.domain.port.out;

import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Suggestions and their approvals, durable so that pending approvals survive a restart. */
public interface SuggestionStore {
    void save(Suggestion suggestion);

    Optional<Suggestion> byApproval(String approvalId);

    /**
     * Moves a pending approval to {@code outcome} if, and only if, it is still pending: of concurrent deciders
     * exactly one wins.
     *
     * @return the decided suggestion, or empty when it was no longer pending
     */
    Optional<Suggestion> decide(String approvalId, ApprovalStatus outcome, String by, Instant at);

    /** The user's pending approvals, oldest first. */
    List<Suggestion> pending(String org, String user);

    /** Pending approvals whose deadline is at or before {@code now}. */
    List<Suggestion> due(Instant now);

    /** A user's suggestions in a meeting, oldest first (for a reconnecting overlay). */
    List<Suggestion> inMeeting(String org, String meetingId, String user);
}
