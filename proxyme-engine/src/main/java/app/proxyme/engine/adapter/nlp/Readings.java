package app.proxyme.engine.adapter.nlp;

import app.proxyme.domain.decision.TopicScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several rankings of one chunk (the whole, and sentences of it) merged into one whose plausible topics, for any
 * margin, are the union of each ranking's: each ranking is shifted so that its best topic ties with the first
 * ranking's best confidence, keeping the distances within it, and a topic keeps its highest shifted confidence. The
 * first ranking's confidence stays the merged one's, so a merge never makes a chunk surer than the first ranking —
 * it can only add topics to those the decider weighs, and the most restrictive of them decides. The fit is the best of
 * the readings': a question is near the catalogue when any reading of it is.
 */
final class Readings {
    private final double best;
    private final Map<String, Double> merged = new LinkedHashMap<>();
    private double fit;

    /** Starts from {@code first}: its order and confidences. */
    Readings(TopicIndex.Reading first) {
        best = first.ranked().isEmpty() ? 0.0 : first.ranked().get(0).confidence();
        first.ranked().forEach(s -> merged.put(s.topic(), s.confidence()));
        fit = first.fit();
    }

    /** Adds another reading of the same chunk. */
    void add(TopicIndex.Reading reading) {
        fit = Math.max(fit, reading.fit());
        List<TopicScore> ranking = reading.ranked();
        if (ranking.isEmpty()) {
            return;
        }
        double shift = best - ranking.get(0).confidence();
        for (TopicScore s : ranking) {
            double lifted = Math.max(0.0, Math.min(best, s.confidence() + shift));
            merged.merge(s.topic(), lifted, Math::max);
        }
    }

    /** How close the closest reading comes to any topic ({@link TopicIndex.Reading#fit}). */
    double fit() {
        return fit;
    }

    /** The merged ranking, most likely first; equal confidences keep the first ranking's order. */
    List<TopicScore> merged() {
        var out = new ArrayList<TopicScore>(merged.size());
        merged.forEach((topic, confidence) -> out.add(new TopicScore(topic, confidence)));
        out.sort(Comparator.comparingDouble(TopicScore::confidence).reversed());
        return List.copyOf(out);
    }
}
