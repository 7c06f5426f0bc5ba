package app.proxyme.domain.port.in;

import app.proxyme.domain.chunk.DryRun;
import app.proxyme.domain.policy.Member;

/** Use case: "what would happen if a customer said X to this user?" — a dry run without generation or record. */
public interface EvaluatePolicy {
    /**
     * @param user the member to evaluate for (the caller when blank)
     * @throws app.proxyme.domain.DomainException {@code NOT_FOUND} for a user unknown in the caller's organisation,
     *     {@code FORBIDDEN} when a non-admin asks about someone else, {@code BAD_REQUEST} for empty or long text
     */
    DryRun evaluate(Member caller, String user, String text);
}
