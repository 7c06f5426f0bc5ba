package app.proxyme.engine.adapter.local;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.policy.TopicCatalog;
import app.proxyme.domain.port.TopicClassifier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded-mode classifier: runs offline. Question detection reads the wording ({@link QuestionDetector});
 * topics are ranked by similarity to each topic's description and examples under a local sentence embedding model,
 * plus a small lexical signal, turned into calibrated confidences by a softmax. The text is only ever compared,
 * never interpreted.
 *
 * <p>Thread-safe: the per-catalogue index is immutable and cached by (organisation, catalogue version).
 */
public final class LocalTopicClassifier implements TopicClassifier {
    /**
     * Default for {@code PolicySettings.minConfidence}. Chosen by {@code ClassifierEvaluationTest} over the labelled
     * dev utterances and our own held-out sentences: the lowest value that kept zero unsafe AUTO for every demo role
     * with slack, while keeping useful AUTO high.
     */
    public static final double RECOMMENDED_MIN_CONFIDENCE = 0.5;

    /**
     * Default for {@code PolicySettings.ambiguityMargin}: every topic within this margin of the best is plausible,
     * and the most restrictive of them decides. Chosen like {@link #RECOMMENDED_MIN_CONFIDENCE}, with a margin wider
     * than the smallest safe one because the unseen utterances differ from the dev set.
     */
    public static final double RECOMMENDED_AMBIGUITY_MARGIN = 0.3;

    private final SentenceEncoder encoder;
    private final Scoring scoring;
    private final QuestionDetector detector = new QuestionDetector();
    private final Map<CatalogKey, TopicIndex> indexes = new ConcurrentHashMap<>();

    /** The classifier over the shared local embedding model (loaded on first use). */
    public LocalTopicClassifier() {
        this(MiniLmEncoder.SHARED, Scoring.DEFAULT);
    }

    LocalTopicClassifier(SentenceEncoder encoder, Scoring scoring) {
        this.encoder = encoder;
        this.scoring = scoring;
    }

    /**
     * @throws app.proxyme.domain.port.DependencyUnavailableException when the embedding model cannot be loaded
     */
    @Override
    public Classification classify(TopicCatalog catalog, String text) {
        SpokenText spoken = SpokenText.of(text);
        QuestionVerdict verdict = detector.detect(spoken);
        TopicIndex index = index(catalog);
        if (spoken.isEmpty()) {
            return new Classification(false, verdict.confidence(), List.of());
        }
        String sentence = spoken.sentence();
        return new Classification(verdict.question(), verdict.confidence(),
                index.rank(sentence, encoder.encode(sentence)));
    }

    private TopicIndex index(TopicCatalog catalog) {
        var key = new CatalogKey(catalog.org(), catalog.version());
        TopicIndex index = indexes.get(key);
        if (index != null) {
            return index;
        }
        index = indexes.computeIfAbsent(key, k -> TopicIndex.build(catalog, encoder, scoring));
        indexes.keySet().removeIf(k -> k.org().equals(key.org()) && k.version() < key.version());
        return index;
    }

    private record CatalogKey(String org, long version) {}
}
