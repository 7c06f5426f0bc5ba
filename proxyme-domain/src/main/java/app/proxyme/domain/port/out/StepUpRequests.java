package app.proxyme.domain.port.out;

import app.proxyme.domain.approval.StepUpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-of-band approval requests in flight, shared by every instance on the database: a request sent by one instance
 * is polled by whichever holds the poller's lease, also after a restart.
 */
public interface StepUpRequests {
    /** Stores the request, replacing the one stored for its approval. */
    void save(StepUpRequest request);

    Optional<StepUpRequest> find(String approvalId);

    /** Requests being polled whose next poll is at or before {@code now}, soonest first, at most {@code limit}. */
    List<StepUpRequest> due(Instant now, int limit);

    /** How many requests were sent to the user since {@code since} (the approver's per-user push limit). */
    int sentSince(String org, String user, Instant since);

    /** Deletes requests no longer polled that were created before {@code before}; returns how many. */
    int forgetEndedBefore(Instant before);
}
