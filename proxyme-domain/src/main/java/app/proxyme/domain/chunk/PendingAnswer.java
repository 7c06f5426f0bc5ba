package app.proxyme.domain.chunk;

import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import java.util.Objects;

/**
 * A chunk decided (its decision durable and reported) whose decision allows an answer that is not drafted yet: what
 * {@link app.proxyme.domain.port.in.HandleChunk#answer} needs to draft, check and propose it, off the lane in which the
 * member's next chunks are decided.
 *
 * @param member who sent the chunk, as they were when it was decided
 * @param policy the organisation's policy the chunk was decided under (its topic and playbook are drafted from it)
 * @param chunk the chunk
 * @param decision the decision that allows the answer
 */
public record PendingAnswer(Member member, OrgPolicy policy, Chunk chunk, Decision decision) {
    public PendingAnswer {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(decision, "decision");
        if (!decision.generationAllowed()) {
            throw new IllegalArgumentException("the decision of chunk " + chunk.seq() + " allows no answer");
        }
    }
}
