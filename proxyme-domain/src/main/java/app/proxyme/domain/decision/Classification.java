package app.proxyme.domain.decision;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the classifier made of a chunk.
 *
 * @param question whether it is a question or request addressed to our side
 * @param questionConfidence the classifier's confidence in {@code question}, in [0,1]
 * @param ranked candidate topics, most likely first (may be empty when nothing fits); topics of equal confidence keep
 *     the order they were given in
 * @param fallback the classifier that answered in place of the configured one because that one failed (a connected
 *     model past its deadline: {@code "local"}), or {@code null} when the configured one answered
 */
public record Classification(boolean question, double questionConfidence, List<TopicScore> ranked, String fallback) {
    public Classification {
        if (!(questionConfidence >= 0 && questionConfidence <= 1)) {
            throw new IllegalArgumentException("questionConfidence must be in [0,1]: " + questionConfidence);
        }
        ranked = ranked.stream()
                .sorted(Comparator.comparingDouble(TopicScore::confidence).reversed())
                .toList();
        if (fallback != null && fallback.isBlank()) {
            throw new IllegalArgumentException("fallback must name a classifier or be null");
        }
    }

    /** What the configured classifier answered. */
    public Classification(boolean question, double questionConfidence, List<TopicScore> ranked) {
        this(question, questionConfidence, ranked, null);
    }

    /** The same classification, answered by {@code classifier} because the configured one failed. */
    public Classification answeredBy(String classifier) {
        return new Classification(question, questionConfidence, ranked, classifier);
    }

    public Optional<TopicScore> top() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }

    /**
     * The plausible topics: the best one and every other within {@code margin} of it, at most {@code limit} — except
     * that topics tied with the best one all count, whatever their number. (A cross-check of two classifiers lifts
     * the second one's topics to the best confidence so that none of them is cut; see {@code TopicClassifier}.) The
     * first topic counts against {@code limit}, the other tied ones do not.
     */
    public List<TopicScore> plausible(double margin, int limit) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        double best = ranked.get(0).confidence();
        double floor = best - margin;
        long tied = ranked.stream().filter(s -> s.confidence() == best).count();
        return ranked.stream()
                .filter(s -> s.confidence() >= floor)
                .limit(Math.max(limit, 1) + tied - 1)
                .toList();
    }
}
