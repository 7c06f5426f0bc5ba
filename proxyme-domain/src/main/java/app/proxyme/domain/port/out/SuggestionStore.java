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
     * Reserves a pending approval for one decider, before the decision is audited (audit first: the decision must be
     * durable in the trail before the approval's status changes, and only the decider that will change it may record
     * it). Succeeds if, and only if, the approval is still pending and nobody else holds it — or the other holder took
     * it before {@code takeOverBefore} (it stopped before finishing). Of concurrent claimants exactly one wins. A
     * claimed approval is still pending to every reader.
     *
     * @param claim the claimant's own id, unique per attempt
     * @return the suggestion as it stands (pending), or empty when it is no longer pending or held by another
     */
    Optional<Suggestion> claim(String approvalId, String claim, Instant at, Instant takeOverBefore);

    /** Gives up a claim whose decision could not be audited; the approval stays pending. */
    void release(String approvalId, String claim);

    /**
     * Moves a pending approval that {@code claim} holds to {@code outcome} (and drops the claim): of concurrent
     * deciders exactly one wins.
     *
     * @return the decided suggestion, or empty when it was no longer pending or is held by another claim
     */
    Optional<Suggestion> decide(String approvalId, String claim, ApprovalStatus outcome, String by, Instant at);

    /** The user's pending approvals, oldest first. */
    List<Suggestion> pending(String org, String user);

    /** Every pending approval of the organisation, oldest first. */
    List<Suggestion> pendingInOrg(String org);

    /** Pending approvals whose deadline is at or before {@code now}. */
    List<Suggestion> due(Instant now);

    /** A user's suggestions in a meeting, oldest first (for a reconnecting overlay). */
    List<Suggestion> inMeeting(String org, String meetingId, String user);

    /**
     * Claims the one draft on request of {@code user}'s chunk {@code chunkSeq} in the meeting, before it is drafted: of
     * any number of claimants, concurrent or not, on any instance sharing the store, exactly one ever succeeds (until
     * it {@link #releaseDraft releases} the claim).
     *
     * @return whether this caller holds the claim
     */
    boolean claimDraft(String org, String meetingId, String user, long chunkSeq);

    /** Gives up a draft claim whose draft could not be made (nothing was recorded of it): it may be asked for again. */
    void releaseDraft(String org, String meetingId, String user, long chunkSeq);
}
