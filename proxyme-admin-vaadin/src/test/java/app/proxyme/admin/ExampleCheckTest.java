package app.proxyme.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.chunk.DryRun;
import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.decision.TopicScore;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleCheckTest {
    @Test
    void an_example_landing_on_another_topic_or_none_flags_its_topic() {
        var own = ExampleCheck.of("pricing", "how much per seat", run(true, "pricing", 0.8));
        var elsewhere = ExampleCheck.of("smalltalk", "what discount could we get", run(true, "pricing", 0.7));
        var none = ExampleCheck.of("smalltalk", "nice weather today", run(false, null, 0));

        assertFalse(own.flagged());
        assertEquals("ok", own.verdict());
        assertTrue(elsewhere.flagged());
        assertEquals("lands on pricing", elsewhere.verdict());
        assertTrue(none.flagged());
        assertEquals("lands on no topic", none.verdict());
        assertEquals(
                List.of("smalltalk: 2 of 2 examples land elsewhere (pricing, no topic)"),
                ExampleCheck.flaggedTopics(List.of(own, elsewhere, none)));
    }

    private static DryRun run(boolean question, String topic, double confidence) {
        var ranked = topic == null ? List.<TopicScore>of() : List.of(new TopicScore(topic, confidence));
        var decision = question
                ? new Decision(true, topic, confidence, Outcome.AUTO, Layer.FGA, "", List.of(), true)
                : new Decision(false, null, 0, Outcome.NONE, Layer.NONE, "", List.of(), false);
        return new DryRun(new Classification(question, 0.9, ranked), decision);
    }
}
