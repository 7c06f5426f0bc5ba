package app.proxyme.domain.port.in;

import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: an approver outside Proxy Me (the user's phone, through Auth0 CIBA) reports how an approval ended. It is
 * settled exactly as a decision in the overlay is (audit first), and only if it is still pending: a user who decided
 * in the overlay first wins, and the report is dropped.
 */
public interface SettleApproval {
    /**
     * @return the decided suggestion; empty when the approval is unknown or no longer pending (nothing is recorded)
     * @throws app.proxyme.domain.DependencyUnavailableException when the decision could not be audited (nothing
     *     changed; report it again)
     */
    Optional<Suggestion> settle(Report report);

    /**
     * What the approver reported.
     *
     * @param approvalId the approval
     * @param outcome {@code APPROVED}, {@code DENIED}, {@code EXPIRED} or {@code FAILED}
     * @param by who decided: the user, or {@code engine} for an expiry or a failure
     * @param via the approver ({@code auth0-ciba}), recorded in the audit event
     * @param reason why it failed or expired, recorded and shown; {@code null} for a user's decision
     */
    record Report(String approvalId, ApprovalStatus outcome, String by, String via, String reason) {
        public Report {
            Objects.requireNonNull(approvalId, "approvalId");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(via, "via");
            if (outcome == ApprovalStatus.PENDING) {
                throw new IllegalArgumentException("a report settles an approval: not PENDING");
            }
            if (outcome == ApprovalStatus.FAILED && (reason == null || reason.isBlank())) {
                throw new IllegalArgumentException("a failed approval says why");
            }
        }
    }
}
