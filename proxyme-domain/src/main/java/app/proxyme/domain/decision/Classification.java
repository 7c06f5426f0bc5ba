package app.proxyme.domain.decision;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the classifier made of a chunk.
 *
 * @param question whether it is a question or request addressed to our side
 * @param questionConfidence the classifier's confidence in {@code question}, in [0,1]
 * @param ranked candidate topics, most likely first (may be empty when nothing fits)
 */
public record Classification(boolean question, double questionConfidence, List<TopicScore> ranked) {
    public Classification {
        if (!(questionConfidence >= 0 && questionConfidence <= 1)) {
            throw new IllegalArgumentException("questionConfidence must be in [0,1]: " + questionConfidence);
        }
        ranked = ranked.stream()
                .sorted(Comparator.comparingDouble(TopicScore::confidence).reversed())
                .toList();
    }

    public Optional<TopicScore> top() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }

    /**
     * The plausible topics: the best one and every other within {@code margin} of it, at most {@code limit}.
     */
    public List<TopicScore> plausible(double margin, int limit) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        double floor = ranked.get(0).confidence() - margin;
        return ranked.stream().filter(s -> s.confidence() >= floor).limit(limit).toList();
    }
}
