package app.proxyme.engine.policy;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.access.Access;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.chunk.DryRun;
import app.proxyme.domain.pipeline.ChunkPipeline;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.EvaluatePolicy;
import app.proxyme.domain.port.out.PolicyStore;

/**
 * The use case "what would happen if a customer said X to this user?": a dry run of the decision, without
 * generation and without any record. The org admin may ask for any member of the organisation; others only for
 * themselves.
 */
public final class PolicyPlayground implements EvaluatePolicy {
    private final PolicyStore policies;
    private final ChunkPipeline pipeline;

    public PolicyPlayground(PolicyStore policies, ChunkPipeline pipeline) {
        this.policies = policies;
        this.pipeline = pipeline;
    }

    /**
     * @throws DomainException {@code NOT_FOUND} for a user unknown in the caller's organisation, {@code FORBIDDEN}
     *     when a non-admin asks about someone else, {@code BAD_REQUEST} for text that is empty or too long
     */
    @Override
    public DryRun evaluate(Member caller, String userEmail, String text, java.util.Map<String, ?> context) {
        if (text == null || text.isBlank()) {
            throw DomainException.badRequest("field 'text' is required");
        }
        if (text.length() > Chunk.MAX_TEXT) {
            throw DomainException.badRequest("text longer than " + Chunk.MAX_TEXT + " characters");
        }
        String email = userEmail == null || userEmail.isBlank() ? caller.email() : userEmail;
        Member subject;
        try {
            subject = policies.member(email)
                    .filter(m -> m.org().equals(caller.org()))
                    .orElseThrow(() -> DomainException.notFound("no user " + email));
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("no user " + email);
        }
        if (!caller.email().equals(subject.email())) {
            Access.require(caller, Capability.EVALUATE_FOR_OTHERS);
        }
        return pipeline.evaluate(subject, text, context == null ? java.util.Map.of() : context);
    }
}
