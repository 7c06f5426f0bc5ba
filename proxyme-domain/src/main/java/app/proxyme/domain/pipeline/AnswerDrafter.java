package app.proxyme.domain.pipeline;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.chunk.PrecedingTurns;
import app.proxyme.domain.flow.Flow;
import app.proxyme.domain.flow.FlowStep;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.out.ResponseGenerator;
import app.proxyme.domain.port.out.ScopedToken;
import app.proxyme.domain.port.out.TokenRefusedException;
import app.proxyme.domain.port.out.TokenVault;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Step 4 of the decision (PRODUCT.md): obtains a {@code write:suggestions} token bound to the topic — which the vault
 * refuses for a topic the role may not answer — and drafts the answer with it.
 */
final class AnswerDrafter {
    private final TokenVault vault;
    private final ResponseGenerator generator;

    AnswerDrafter(TokenVault vault, ResponseGenerator generator) {
        this.vault = vault;
        this.generator = generator;
    }

    /** A drafted answer, or why there is none. */
    sealed interface Draft {}

    /** The answer and the token it was written with. */
    record Drafted(String text, ScopedToken token) implements Draft {}

    /** No answer: {@code reason} says why in words a participant can read. */
    record NotDrafted(String reason) implements Draft {}

    /** Whether the generator reads the turns before a question (else they need not be read). */
    boolean readsContext() {
        return generator.readsContext();
    }

    Draft draft(Member member, Topic topic, String question, PrecedingTurns before, Flow out) {
        ScopedToken token;
        try {
            token = out.timed(
                    FlowStep.TOKEN_VAULT,
                    () -> vault.obtain(member, TokenVault.WRITE_SUGGESTIONS, topic.id()),
                    AnswerDrafter::tokenDetail);
        } catch (DependencyUnavailableException | TokenRefusedException e) {
            return new NotDrafted("no token to write an answer on " + topic.id() + " could be had");
        }
        try {
            String text = out.timed(
                    FlowStep.GENERATE,
                    () -> generator.generate(member, topic, question, before, token),
                    t -> Map.of("topic", topic.id(), "chars", t.length()));
            return new Drafted(text, token);
        } catch (DependencyUnavailableException e) {
            return new NotDrafted("the answer could not be drafted: the generator is unavailable");
        }
    }

    /** What a token flow event says: scope, topic, whether it came from the cache — never the token. */
    static Map<String, Object> tokenDetail(ScopedToken t) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("scope", t.scope());
        if (t.topic() != null) {
            detail.put("topic", t.topic());
        }
        detail.put("cached", t.cached());
        return detail;
    }
}
