package app.proxyme.domain.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A natural-language rule in its compiled, structured form. A rule can only restrict: when it matches, the
 * outcome is at most {@code cap}.
 *
 * <p>It matches a chunk when the topic is one of {@code topics} (or {@code topics} is empty) and the text matches
 * one of {@code phrases} (or {@code phrases} is empty). At least one of the two must be given.
 *
 * @param id stable identifier
 * @param text the rule as the admin wrote it
 * @param scope org-, role- or user-level
 * @param subject the role or user email the rule is for; ignored for {@link RuleScope#ORG}
 * @param cap the most the outcome may be when the rule matches
 * @param topics the topics it is about
 * @param phrases case-insensitive regular expressions over the chunk's text, compiled where the policy is loaded
 */
public record Rule(
        String id, String text, RuleScope scope, String subject, Effect cap, Set<String> topics, List<Phrase> phrases) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cap, "cap");
        topics = Set.copyOf(Objects.requireNonNullElse(topics, Set.of()));
        phrases = List.copyOf(Objects.requireNonNullElse(phrases, List.of()));
        if (topics.isEmpty() && phrases.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " names neither topics nor phrases");
        }
        if (scope != RuleScope.ORG && (subject == null || subject.isBlank())) {
            throw new IllegalArgumentException("rule " + id + " of scope " + scope + " needs a subject");
        }
    }

    /** Whether the rule is in force for this member. */
    public boolean appliesTo(Member member) {
        return switch (scope) {
            case ORG -> true;
            case ROLE -> subject.equals(member.role());
            case USER -> subject.toLowerCase(Locale.ROOT).equals(member.email());
        };
    }

    /** Whether the rule matches a chunk about {@code topic} saying {@code text}. */
    public boolean matches(String topic, String text) {
        boolean topicOk = topics.isEmpty() || topics.contains(topic);
        boolean phraseOk = phrases.isEmpty() || phrases.stream().anyMatch(p -> p.foundIn(text));
        return topicOk && phraseOk;
    }
}
