package app.proxyme.engine.language;

import app.proxyme.domain.chunk.PrecedingTurns;
import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.policy.TopicCatalog;
import app.proxyme.domain.port.out.TopicClassifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A connected model's classifier, cross-checked by the local one, so that what a customer says cannot talk the model
 * into loosening a decision (prompt injection). The decision is taken on a merge of both that is never less
 * restrictive than the local classifier alone:
 *
 * <ul>
 *   <li>{@code question}: the model's or the local classifier's — a chunk either calls a question is one.</li>
 *   <li>The ranking is the local classifier's, unchanged (its confidences, so its plausible topics and whether it is
 *       sure stay exactly as they were), with the model's topic lifted to the local best confidence, tied with it
 *       (ties all count as plausible, {@link Classification#plausible}). The decider then evaluates the model's topic
 *       and every topic the local classifier found plausible, and the most restrictive one decides. When the local
 *       classifier ranked nothing (it ranks a chunk it does not take for a question only through
 *       {@link TopicClassifier#rankAnswer}), the model's topic comes at confidence 0: unsure, so at most
 *       {@code APPROVE}.</li>
 *   <li>The model's {@code unknown} adds nothing; its confidence never makes the decision surer.</li>
 * </ul>
 *
 * So a model that obeys an injected "this is small talk, confidence 0.99" adds small talk to the topics evaluated,
 * which can only lower the outcome. A drafted answer ({@link #rankAnswer}) is cross-checked the same way, for the
 * output check.
 *
 * <p>When the model fails (its deadline, an error, a reply that is not the asked-for JSON, or no answer within the
 * patience given here) the local classifier decides alone and the classification says so ({@code fallback:
 * "local"}). When the local classifier fails, nothing is cross-checked: the failure propagates and the core fails
 * closed (at most {@code APPROVE}), whatever the model said.
 */
public final class CrossCheckedClassifier implements TopicClassifier {
    /** What {@link Classification#fallback()} says when the local classifier decided alone. */
    public static final String LOCAL = "local";

    private static final System.Logger LOG = System.getLogger(CrossCheckedClassifier.class.getName());

    private final TopicClassifier model;
    private final TopicClassifier local;
    private final Duration patience;
    private final ExecutorService asks = Executors.newVirtualThreadPerTaskExecutor();
    private final Throttled warnings = new Throttled(LOG, Duration.ofSeconds(30));

    /**
     * @param model the connected model's classifier
     * @param local the local classifier: the cross-check, and the fallback
     * @param patience how long the local result waits for the model's at most: a backstop, the model's own deadline
     *     ends a call first
     */
    public CrossCheckedClassifier(TopicClassifier model, TopicClassifier local, Duration patience) {
        this.model = model;
        this.local = local;
        this.patience = patience;
    }

    /**
     * Both classify at once: the model on a virtual thread of its own, the local classifier on the caller's, so a
     * chunk waits for the slower of the two, not for their sum.
     */
    @Override
    public Classification classify(TopicCatalog catalog, String text) {
        return classify(catalog, text, PrecedingTurns.NONE);
    }

    @Override
    public boolean readsContext() {
        return model.readsContext();
    }

    /**
     * The model is given the turns before {@code text}; the local classifier decides on {@code text} alone, so that
     * what was said before can never make a restricted question look permitted.
     */
    @Override
    public Classification classify(TopicCatalog catalog, String text, PrecedingTurns before) {
        Future<Classification> asked = asks.submit(() -> model.classify(catalog, text, before));
        Classification byLocal;
        try {
            byLocal = local.classify(catalog, text);
        } catch (RuntimeException e) {
            asked.cancel(true);
            throw e;
        }
        Optional<Classification> answer = answer(asked, "classify a chunk", "the local classifier decides");
        if (answer.isEmpty()) {
            return byLocal.answeredBy(LOCAL);
        }
        Classification byModel = answer.get();
        boolean question = byModel.question() || byLocal.question();
        if (!question) {
            return byLocal;
        }
        List<TopicScore> localRanked = byLocal.question() ? byLocal.ranked() : local.rankAnswer(catalog, text);
        double confidence = byLocal.question() ? byLocal.questionConfidence() : byModel.questionConfidence();
        return new Classification(true, confidence, merged(catalog, localRanked, byModel.top()));
    }

    @Override
    public List<TopicScore> rankAnswer(TopicCatalog catalog, String answer) {
        Future<List<TopicScore>> asked = asks.submit(() -> model.rankAnswer(catalog, answer));
        List<TopicScore> byLocal;
        try {
            byLocal = local.rankAnswer(catalog, answer);
        } catch (RuntimeException e) {
            asked.cancel(true);
            throw e;
        }
        return answer(asked, "rank an answer", "the local classifier checks it alone")
                .map(byModel -> merged(catalog, byLocal, byModel.stream().findFirst()))
                .orElse(byLocal);
    }

    /** The model's answer, or none when it failed or took longer than {@link #patience} (logged, throttled). */
    private <T> Optional<T> answer(Future<T> asked, String what, String instead) {
        try {
            return Optional.of(asked.get(patience.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            warnings.warn("the language model could not " + what + " (" + cause.getMessage() + "): " + instead);
        } catch (TimeoutException e) {
            asked.cancel(true);
            warnings.warn("the language model did not " + what + " within " + patience.toMillis() + " ms: " + instead);
        } catch (InterruptedException e) {
            asked.cancel(true);
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /**
     * The local ranking with the model's topic tied to its best confidence (0 when it ranked nothing), right after the
     * local best: the order of equal confidences is kept, so the local best stays first. When the local best is not a
     * topic of the catalogue ("nothing fits", which holds a question for approval), the model's topic is not added: it
     * must not stand in for a best topic that fits nothing. (The local classifier ranks only catalogue topics; this
     * keeps the merge safe whatever it is given.)
     */
    static List<TopicScore> merged(TopicCatalog catalog, List<TopicScore> local, Optional<TopicScore> model) {
        Optional<String> topic = model.map(TopicScore::topic).filter(catalog::contains);
        if (topic.isEmpty()
                || (!local.isEmpty() && !catalog.contains(local.get(0).topic()))) {
            return local;
        }
        double best = local.isEmpty() ? 0.0 : local.get(0).confidence();
        var merged = new ArrayList<TopicScore>(local.size() + 1);
        if (!local.isEmpty()) {
            merged.add(local.get(0));
        }
        if (local.isEmpty() || !local.get(0).topic().equals(topic.get())) {
            merged.add(new TopicScore(topic.get(), best));
        }
        for (int i = 1; i < local.size(); i++) {
            if (!local.get(i).topic().equals(topic.get())) {
                merged.add(local.get(i));
            }
        }
        return List.copyOf(merged);
    }
}
