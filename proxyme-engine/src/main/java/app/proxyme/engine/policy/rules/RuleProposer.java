package app.proxyme.engine.policy.rules;

import app.proxyme.domain.DependencyUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a rule that the local {@link RuleCompiler} cannot: a connected language model proposes its compiled form. A
 * proposal is only a proposal: {@link RuleReading} validates it (an effect of at most {@code APPROVE}, topics of the
 * catalogue, known entities, the rule's own scope) before anything is kept, and the admin sees the result.
 */
public interface RuleProposer {
    /**
     * The structured form proposed for a rule's sentence, as the model wrote it (not validated yet).
     *
     * @param effect {@code DENY} or {@code APPROVE} when the model keeps to its instructions
     * @param topics ids the rule is about
     * @param phrases regular expressions over what is said
     * @param entities known entities the rule is about
     * @param scope {@code org}, {@code role} or {@code user}: whom the sentence reads as binding
     */
    record Proposal(String effect, List<String> topics, List<String> phrases, List<String> entities, String scope) {
        public Proposal {
            Objects.requireNonNull(effect, "effect");
            Objects.requireNonNull(scope, "scope");
            topics = List.copyOf(topics);
            phrases = List.copyOf(phrases);
            entities = List.copyOf(entities);
        }
    }

    /**
     * The compiled form proposed for {@code text}, read against the organisation's {@code topics} and the
     * {@code entities} known to the engine.
     *
     * @throws DependencyUnavailableException when no proposal could be had: the model failed, or its reply was not
     *     exactly the asked-for JSON object (the message says why)
     */
    Proposal propose(String text, Map<String, RuleCompiler.TopicText> topics, Set<String> entities);
}
