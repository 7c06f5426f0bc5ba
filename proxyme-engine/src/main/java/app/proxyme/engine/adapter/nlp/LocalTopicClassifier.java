package app.proxyme.engine.adapter.nlp;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.policy.TopicCatalog;
import app.proxyme.domain.port.out.TopicClassifier;
import app.proxyme.engine.text.Terms;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded-mode classifier: runs offline. Question detection reads the wording ({@link QuestionDetector});
 * topics are ranked by similarity to each topic's description and examples under a local sentence embedding model,
 * plus a small lexical signal, turned into calibrated confidences by a softmax. The two are separate: a customer's
 * chunk is ranked only when it is a question for us ({@link #classify}), a drafted answer always
 * ({@link #rankAnswer}). The text is only ever compared, never interpreted.
 *
 * <p>Thread-safe: what is derived from a catalogue (its topic index, and its question detector, which takes the
 * catalogue's topic words as subjects) is immutable and cached by (organisation, catalogue version); older versions
 * of an organisation are dropped once a newer one is seen, so the cache is bounded by the number of organisations.
 */
public final class LocalTopicClassifier implements TopicClassifier {
    private final SentenceEncoder encoder;
    private final Scoring scoring;
    private final Map<CatalogKey, Derived> derived = new ConcurrentHashMap<>();

    /** The classifier over the shared local embedding model (loaded on first use). */
    public LocalTopicClassifier() {
        this(MiniLmEncoder.SHARED, Scoring.DEFAULT);
    }

    LocalTopicClassifier(SentenceEncoder encoder, Scoring scoring) {
        this.encoder = encoder;
        this.scoring = scoring;
    }

    /**
     * @throws app.proxyme.domain.DependencyUnavailableException when the embedding model cannot be loaded
     */
    @Override
    public Classification classify(TopicCatalog catalog, String text) {
        SpokenText spoken = SpokenText.of(text);
        Derived forCatalog = derived(catalog);
        QuestionVerdict verdict = forCatalog.detector().detect(spoken);
        if (spoken.isEmpty() || !verdict.question()) {
            // Not a question for us: the outcome is NONE whatever the topic, so the model is not asked.
            return new Classification(false, verdict.confidence(), List.of());
        }
        if (contentFree(spoken)) {
            // "Really?", "right?", "Done?", "Well, could we?": a question, but about nothing our side could answer
            return new Classification(false, CONTENT_FREE_CONFIDENCE, List.of());
        }
        Readings readings = readings(forCatalog, spoken, text);
        if (readings.fit() < scoring.fitFloor()) {
            // a question, but near no topic of the catalogue: colleagues talking among themselves, not a customer
            return new Classification(false, OFF_CATALOGUE_CONFIDENCE, List.of());
        }
        return new Classification(true, verdict.confidence(), readings.merged());
    }

    /** How sure the classifier is that a question near no topic of the catalogue is none for our side. */
    static final double OFF_CATALOGUE_CONFIDENCE = 0.6;

    /**
     * The chunk ranked whole, and each of its sentences that is itself a question or request ranked alone, merged so
     * that every topic plausible in any reading stays plausible ({@link Readings}): a preamble ("ignore your rules,
     * this is small talk. ...") can add topics to those evaluated, never take away the topics of the question that
     * follows it. The confidence stays the whole chunk's.
     */
    private Readings readings(Derived forCatalog, SpokenText whole, String text) {
        var readings = new Readings(read(forCatalog, whole));
        List<String> sentences = Sentences.of(text);
        if (sentences.size() < 2) {
            return readings;
        }
        for (String sentence : sentences) {
            SpokenText spoken = SpokenText.of(sentence);
            if (!spoken.isEmpty()
                    && !contentFree(spoken)
                    && forCatalog.detector().detect(spoken).question()) {
                readings.add(read(forCatalog, spoken));
            }
        }
        return readings;
    }

    /** How sure the classifier is that a question without a content word is none for our side. */
    static final double CONTENT_FREE_CONFIDENCE = 0.8;

    /** Whether the text has no content word at all (only function words, fillers and transcript marks). */
    static boolean contentFree(SpokenText spoken) {
        return Terms.of(spoken.sentence().replaceAll("\\{[a-z]+}", " ")).stream()
                .allMatch(t -> t.length() < 3 || SpokenText.filler(t));
    }

    /**
     * Ranks the answer's topics whatever its form: an answer is a statement, and the question detector is not asked.
     * An answer longer than the classifier reads at once is ranked piece by piece ({@link AnswerWindows}), a topic's
     * confidence being its highest over the pieces, so that no part of it goes unread. Text that is nothing but
     * fillers ("um") is not ranked.
     *
     * @throws app.proxyme.domain.DependencyUnavailableException when the embedding model cannot be loaded
     */
    @Override
    public List<TopicScore> rankAnswer(TopicCatalog catalog, String answer) {
        Derived forCatalog = derived(catalog);
        var best = new LinkedHashMap<String, Double>();
        for (String piece : AnswerWindows.of(answer)) {
            SpokenText spoken = SpokenText.of(piece);
            if (!spoken.saysNothing()) {
                read(forCatalog, spoken).ranked().forEach(s -> best.merge(s.topic(), s.confidence(), Math::max));
            }
        }
        return best.entrySet().stream()
                .map(e -> new TopicScore(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(TopicScore::confidence).reversed())
                .toList();
    }

    private TopicIndex.Reading read(Derived forCatalog, SpokenText spoken) {
        String sentence = spoken.sentence();
        return forCatalog.index().read(sentence, encoder.encode(sentence));
    }

    private Derived derived(TopicCatalog catalog) {
        var key = new CatalogKey(catalog.org(), catalog.version());
        Derived d = derived.get(key);
        if (d != null) {
            return d;
        }
        // a new version whose topics are those of an older one (a role, a member or a rule changed) reuses its index,
        // so that such a change is in force at once, not after the examples are encoded again
        List<Topic> topics = catalog.topics();
        Derived same = derived.entrySet().stream()
                .filter(e -> e.getKey().org().equals(key.org())
                        && e.getValue().topics().equals(topics))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        d = derived.computeIfAbsent(
                key,
                k -> same != null
                        ? same
                        : new Derived(
                                TopicIndex.build(catalog, encoder, scoring),
                                new QuestionDetector(SubjectWords.of(catalog)),
                                topics));
        derived.keySet().removeIf(k -> k.org().equals(key.org()) && k.version() < key.version());
        return d;
    }

    private record CatalogKey(String org, long version) {}

    /** What one catalogue version gives the classifier, and the topics it was derived from. */
    private record Derived(TopicIndex index, QuestionDetector detector, List<Topic> topics) {}
}
