package app.proxyme.domain.approval;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An out-of-band approval request (a push to the user's phone) for one held suggestion, and where polling its answer
 * stands. Durable, so that a restart or another instance resumes the polling.
 *
 * @param approvalId the approval it asks for
 * @param org organisation
 * @param user the user asked
 * @param state whether it is being polled, was never sent, or is done
 * @param externalId the approver's id of the request ({@code auth_req_id}), or {@code null} when it was not sent
 * @param interval how long to wait between two polls
 * @param nextPollAt when to poll next ({@code null} unless {@link State#POLLING})
 * @param expiresAt when the approver forgets the request ({@code null} when it was not sent)
 * @param createdAt when it was asked
 * @param outcome while polled: an outcome seen but not yet settled (its settlement failed); when done: the outcome
 *     settled ({@code null}: dropped)
 * @param reason why it was not sent, failed or ended, shown to the user; or {@code null}
 */
public record StepUpRequest(
        String approvalId,
        String org,
        String user,
        State state,
        String externalId,
        Duration interval,
        Instant nextPollAt,
        Instant expiresAt,
        Instant createdAt,
        ApprovalStatus outcome,
        String reason) {
    /** Where a request stands. */
    public enum State {
        /** Sent; its answer is polled for. */
        POLLING,
        /** Not sent (rate limit, no push enrolment, the approver unavailable): the overlay is the only approver. */
        NOT_SENT,
        /** Its outcome is settled, or it was dropped (the user decided elsewhere first). */
        DONE
    }

    public StepUpRequest {
        Objects.requireNonNull(approvalId, "approvalId");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(createdAt, "createdAt");
        if (state == State.POLLING && (externalId == null || nextPollAt == null || expiresAt == null)) {
            throw new IllegalArgumentException("a polled request has an external id, a next poll and an expiry");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the poll interval is positive: " + interval);
        }
        if (outcome == ApprovalStatus.PENDING) {
            throw new IllegalArgumentException("a seen outcome is not PENDING");
        }
    }

    /** A request sent to the approver as {@code externalId}, to be polled every {@code interval}. */
    public static StepUpRequest sent(
            Suggestion held, String externalId, Duration interval, Instant expiresAt, Instant now) {
        return new StepUpRequest(
                held.approvalId(),
                held.org(),
                held.user(),
                State.POLLING,
                externalId,
                interval,
                now.plus(interval),
                expiresAt,
                now,
                null,
                null);
    }

    /** A request that could not be sent, and why. */
    public static StepUpRequest notSent(Suggestion held, String reason, Instant now) {
        return new StepUpRequest(
                held.approvalId(),
                held.org(),
                held.user(),
                State.NOT_SENT,
                null,
                Duration.ofSeconds(1),
                null,
                null,
                now,
                null,
                Objects.requireNonNull(reason, "reason"));
    }

    /** Polled again at {@code next}, every {@code newInterval} from then on. */
    public StepUpRequest pollAgain(Duration newInterval, Instant next) {
        return new StepUpRequest(
                approvalId, org, user, state, externalId, newInterval, next, expiresAt, createdAt, outcome, reason);
    }

    /** An outcome seen whose settlement is still to be made (retried at {@code next}); no more polling. */
    public StepUpRequest seen(ApprovalStatus seen, String why, Instant next) {
        return new StepUpRequest(
                approvalId, org, user, state, externalId, interval, next, expiresAt, createdAt, seen, why);
    }

    /** Ended: settled as {@code settled}, or dropped ({@code null}); {@code why} says which. */
    public StepUpRequest done(ApprovalStatus settled, String why) {
        return new StepUpRequest(
                approvalId, org, user, State.DONE, externalId, interval, null, expiresAt, createdAt, settled, why);
    }
}
