package app.proxyme.engine.adapter.nlp;

import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.policy.TopicCatalog;
import app.proxyme.engine.text.Terms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the classifier derives from one version of a catalogue: the embedding of every topic's description and
 * examples, and the weighted vocabulary of each topic. Immutable, so shared by concurrent classifications.
 */
final class TopicIndex {
    private final List<String> topicIds;
    private final List<float[][]> vectors;
    private final List<Set<String>> vocabularies;
    private final Map<String, Double> idf;
    private final Scoring scoring;
    private final float[] centroid;

    private TopicIndex(
            List<String> topicIds,
            List<float[][]> vectors,
            List<Set<String>> vocabularies,
            Map<String, Double> idf,
            Scoring scoring,
            float[] centroid) {
        this.centroid = centroid;
        this.topicIds = topicIds;
        this.vectors = vectors;
        this.vocabularies = vocabularies;
        this.idf = idf;
        this.scoring = scoring;
    }

    static TopicIndex build(TopicCatalog catalog, SentenceEncoder encoder, Scoring scoring) {
        var ids = new ArrayList<String>();
        var vectors = new ArrayList<float[][]>();
        var vocabularies = new ArrayList<Set<String>>();
        for (Topic topic : catalog.topics()) {
            var sentences = new ArrayList<String>();
            if (!topic.description().isBlank()) {
                sentences.add(topic.description());
            }
            topic.examples().forEach(e -> sentences.add(SpokenText.of(e).sentence()));
            if (sentences.isEmpty()) {
                sentences.add(topic.id());
            }
            ids.add(topic.id());
            vectors.add(encoder.encodeAll(sentences).toArray(float[][]::new));
            vocabularies.add(Terms.ofAll(sentences));
        }
        float[] centroid = centroid(vectors);
        var centred = vectors.stream()
                .map(vs ->
                        Arrays.stream(vs).map(v -> centre(v, centroid, scoring)).toArray(float[][]::new))
                .toList();
        return new TopicIndex(
                List.copyOf(ids),
                centred,
                List.copyOf(vocabularies),
                inverseFrequencies(vocabularies),
                scoring,
                centroid);
    }

    /**
     * The mean of every example: what all sentences of a sales call share ("can you", "do you"). Removing part of it
     * leaves what tells topics apart.
     */
    private static float[] centroid(List<float[][]> vectors) {
        float[] sum = null;
        int n = 0;
        for (float[][] vs : vectors) {
            for (float[] v : vs) {
                if (sum == null) {
                    sum = new float[v.length];
                }
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                }
                n++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= n;
        }
        return sum;
    }

    private static float[] centre(float[] v, float[] centroid, Scoring scoring) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - (float) scoring.centring() * centroid[i];
        }
        return SentenceEncoder.unit(out);
    }

    /** Rarer across topics means more telling: log(1 + topics / topics using the term). */
    private static Map<String, Double> inverseFrequencies(List<Set<String>> vocabularies) {
        var df = new HashMap<String, Integer>();
        vocabularies.forEach(v -> v.forEach(t -> df.merge(t, 1, Integer::sum)));
        var idf = new HashMap<String, Double>();
        df.forEach((t, n) -> idf.put(t, Math.log(1.0 + (double) vocabularies.size() / n)));
        return Map.copyOf(idf);
    }

    /** The sentence's topics with their calibrated confidences, and how well the best of them fits at all. */
    Reading read(String sentence, float[] rawQuery) {
        double[] evidence = evidence(sentence, rawQuery);
        double[] p = softmax(evidence, scoring.temperature());
        var scores = new ArrayList<TopicScore>();
        for (int t = 0; t < p.length; t++) {
            scores.add(new TopicScore(topicIds.get(t), Math.min(1.0, Math.max(0.0, p[t]))));
        }
        scores.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
        return new Reading(List.copyOf(scores), Arrays.stream(evidence).max().orElse(0.0));
    }

    /**
     * One sentence read against the catalogue.
     *
     * @param ranked every topic with its calibrated confidence, most likely first: confidences are relative, so a
     *     sentence about nothing of the catalogue still has a most likely topic
     * @param fit the best topic's evidence before calibration: how close the sentence comes to any topic at all
     */
    record Reading(List<TopicScore> ranked, double fit) {}

    /** Each topic's evidence before calibration: similarity to its examples plus the weighted lexical signal. */
    double[] evidence(String sentence, float[] rawQuery) {
        float[] query = centre(rawQuery, centroid, scoring);
        double[] raw = new double[topicIds.size()];
        Set<String> terms = Terms.of(sentence);
        for (int t = 0; t < raw.length; t++) {
            raw[t] = semantic(vectors.get(t), query) + scoring.lexicalWeight() * lexical(terms, vocabularies.get(t));
        }
        return raw;
    }

    /** Blend of the closest example and the mean of the closest few: one lucky example is not enough. */
    private double semantic(float[][] topicVectors, float[] query) {
        double[] sims = new double[topicVectors.length];
        for (int i = 0; i < sims.length; i++) {
            sims[i] = SentenceEncoder.dot(topicVectors[i], query);
        }
        Arrays.sort(sims);
        int k = Math.min(scoring.topK(), sims.length);
        double mean = 0;
        for (int i = 0; i < k; i++) {
            mean += sims[sims.length - 1 - i];
        }
        mean /= k;
        double max = sims[sims.length - 1];
        return scoring.maxWeight() * max + (1 - scoring.maxWeight()) * mean;
    }

    /** Share of the sentence's informative words (weighted by rarity) found in the topic's vocabulary. */
    private double lexical(Set<String> terms, Set<String> vocabulary) {
        double total = 0;
        double hit = 0;
        for (String term : terms) {
            Double weight = idf.get(term);
            if (weight == null) {
                continue;
            }
            total += weight;
            if (vocabulary.contains(term)) {
                hit += weight;
            }
        }
        return total == 0 ? 0 : hit / (total + 1.0);
    }

    private static double[] softmax(double[] x, double temperature) {
        double max = Arrays.stream(x).max().orElse(0);
        double[] e = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            e[i] = Math.exp((x[i] - max) / temperature);
            sum += e[i];
        }
        for (int i = 0; i < x.length; i++) {
            e[i] /= sum;
        }
        return e;
    }
}
