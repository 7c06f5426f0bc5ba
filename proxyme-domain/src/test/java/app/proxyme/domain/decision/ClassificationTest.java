package app.proxyme.domain.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationTest {
    private static TopicScore s(String topic, double confidence) {
        return new TopicScore(topic, confidence);
    }

    private static List<String> topics(List<TopicScore> scores) {
        return scores.stream().map(TopicScore::topic).toList();
    }

    @Test
    void plausible_topics_are_the_best_and_those_within_the_margin_at_most_the_limit() {
        var c = new Classification(
                true, 0.9, List.of(s("a", 0.7), s("b", 0.5), s("c", 0.45), s("d", 0.41), s("e", 0.1)));

        assertEquals(List.of("a", "b", "c"), topics(c.plausible(0.3, 3)));
        assertEquals(List.of("a", "b"), topics(c.plausible(0.2, 3)));
        assertEquals(List.of("a"), topics(c.plausible(0.3, 1)));
    }

    @Test
    void topics_tied_with_the_best_all_count_and_the_limit_applies_to_the_others() {
        // a cross-check lifts a second classifier's topics to the best confidence: none of them may be cut
        var lifted = new Classification(
                true, 0.9, List.of(s("x", 0.8), s("a", 0.8), s("b", 0.8), s("c", 0.8), s("d", 0.6), s("e", 0.55)));

        assertEquals(List.of("x", "a", "b", "c", "d", "e"), topics(lifted.plausible(0.3, 3)));
        assertEquals(List.of("x", "a", "b", "c"), topics(lifted.plausible(0.1, 3)));
        assertEquals(List.of("x", "a", "b", "c"), topics(lifted.plausible(0.3, 1)));
    }

    @Test
    void equal_confidences_keep_the_order_they_were_given_in() {
        var c = new Classification(true, 0.9, List.of(s("low", 0.2), s("first", 0.8), s("second", 0.8)));

        assertEquals(List.of("first", "second", "low"), topics(c.ranked()));
        assertEquals("first", c.top().orElseThrow().topic());
    }

    @Test
    void a_classification_names_the_fallback_that_answered_it() {
        var configured = new Classification(true, 0.9, List.of(s("a", 0.7)));

        assertNull(configured.fallback());
        assertEquals("local", configured.answeredBy("local").fallback());
        assertEquals(configured.ranked(), configured.answeredBy("local").ranked());
        assertThrows(IllegalArgumentException.class, () -> configured.answeredBy(" "));
    }
}
