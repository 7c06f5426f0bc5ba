package app.proxyme.engine.adapter.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.port.out.TopicClassifier;
import app.proxyme.domain.port.out.contract.TopicClassifierContractTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The local classifier keeps the topic classifier's contract; its confidences are a probability distribution over the
 * catalogue, and concurrent classifications agree (median latency reported).
 */
class ClassifierBehaviourTest extends TopicClassifierContractTest {
    private final EvaluationFixture fixture = new EvaluationFixture();
    private final LocalTopicClassifier classifier = new LocalTopicClassifier();
    private final app.proxyme.domain.policy.TopicCatalog catalog =
            fixture.policy(EvaluationFixture.settings(0.5, 0.3)).catalog();

    @Test
    void a_question_without_a_content_word_is_none_for_our_side_but_a_one_word_topic_question_is() {
        for (String chatter : java.util.List.of("Really ?", "right ?", "Hmm ? Huh ?", "Well , could we ?")) {
            assertTrue(!classifier.classify(catalog, chatter).question(), chatter);
        }
        var pricing = classifier.classify(catalog, "Pricing?");
        assertTrue(pricing.question(), "a one-word question on a topic is still one");
        assertEquals("pricing", pricing.top().orElseThrow().topic());
    }

    @Test
    void confidences_are_calibrated_probabilities() {
        Classification c = classifier.classify(catalog, "how much would two hundred seats cost per year");
        double sum = c.ranked().stream().mapToDouble(s -> s.confidence()).sum();
        assertEquals(1.0, sum, 1e-6);
        assertEquals("pricing", c.top().orElseThrow().topic());
    }

    @Test
    void a_long_answer_is_read_to_its_end() {
        String product = String.join(" ", catalog.find("product").orElseThrow().playbook());
        String answer = product + " The standard plan costs 40 dollars per seat per month, billed annually.";
        assertTrue(answer.length() > SpokenText.MAX_CHARS, answer.length() + " characters");

        var ranked = classifier.rankAnswer(catalog, answer);

        var pricing = ranked.stream()
                .filter(s -> s.topic().equals("pricing"))
                .findFirst()
                .orElseThrow();
        assertTrue(pricing.confidence() >= CONFIDENT, ranked.toString());
        assertEquals("product", classifier.rankAnswer(catalog, product).get(0).topic());
    }

    @Override
    protected TopicClassifier classifier() {
        return classifier;
    }

    @Override
    protected TopicClassifier unavailableClassifier() {
        SentenceEncoder broken = s -> {
            throw new DependencyUnavailableException("classifier", "model missing");
        };
        return new LocalTopicClassifier(broken, Scoring.DEFAULT);
    }

    @Test
    void concurrent_classifications_agree_and_median_latency_is_reported() throws Exception {
        String[] texts = {
            "so um does it integrate with our ticketing tool",
            "are you iso certified",
            "can we get a discount for paying upfront",
            "how was your flight",
            "when will dark mode ship"
        };
        classifier.classify(catalog, texts[0]);
        var times = new ArrayList<Double>();
        for (int round = 0; round < 20; round++) {
            for (String t : texts) {
                long start = System.nanoTime();
                classifier.classify(catalog, t);
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        double[] sorted =
                times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
                "classify latency over %d chunks: median %.2f ms, p90 %.2f ms%n",
                sorted.length, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)]);
        try (var pool = Executors.newFixedThreadPool(4)) {
            var futures = Arrays.stream(texts)
                    .map(t -> pool.submit(() -> classifier.classify(catalog, t)))
                    .toList();
            for (int i = 0; i < texts.length; i++) {
                assertEquals(
                        classifier.classify(catalog, texts[i]).top(),
                        futures.get(i).get().top());
            }
        }
        assertTrue(sorted[sorted.length / 2] < 50, "median latency too high");
    }
}
