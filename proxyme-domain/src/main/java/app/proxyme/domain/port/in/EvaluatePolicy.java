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
    default DryRun evaluate(Member caller, String user, String text) {
        return evaluate(caller, user, text, java.util.Map.of());
    }

    /**
     * A dry run with meeting values ({@code deal_size}: 30000) for the policy's conditional effects.
     *
     * @throws app.proxyme.domain.DomainException also {@code BAD_REQUEST} naming a value the policy does not declare
     *     or one of the wrong type
     */
    DryRun evaluate(Member caller, String user, String text, java.util.Map<String, ?> context);
}
