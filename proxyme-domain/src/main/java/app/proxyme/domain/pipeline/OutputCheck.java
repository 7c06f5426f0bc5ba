package app.proxyme.domain.pipeline;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.decision.TraceEntry;
import app.proxyme.domain.flow.Flow;
import app.proxyme.domain.flow.FlowEvent;
import app.proxyme.domain.flow.FlowStep;
import app.proxyme.domain.layers.DecisionRequest;
import app.proxyme.domain.layers.PolicyDecider;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.port.out.MeetingStore;
import app.proxyme.domain.port.out.TopicClassifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Step 5 of the decision (PRODUCT.md): the drafted answer's topics are ranked again, as a statement (the classifier
 * ranks an answer whatever its form), and when it strays into a topic the member may answer less freely than the
 * question's, the outcome is lowered to that topic's effect.
 *
 * <ul>
 *   <li>The answer as a whole: its plausible topics are those of the input side (the best one and every other within
 *       the ambiguity margin). An answer unclear on its own is read as the reply to the question; when that is
 *       unclear too, they are treated as the input side treats an unsure chunk: their effects count, but never above
 *       {@code APPROVE}. When no topic of the
 *       catalogue fits, an {@code AUTO} is held for approval.</li>
 *   <li>Each sentence of a longer answer: one sentence quoting a price strays into pricing even when the rest of the
 *       answer outweighs it. A sentence counts when it is confidently about a topic (at least the threshold); a
 *       short sentence that says little ("Yes, that's built in.") is left to the answer as a whole.</li>
 *   <li>When the answer cannot be ranked, an {@code AUTO} is held for approval.</li>
 * </ul>
 */
final class OutputCheck {
    private final TopicClassifier classifier;
    private final MeetingStore meetings;
    private final PolicyDecider decider;

    OutputCheck(TopicClassifier classifier, MeetingStore meetings, PolicyDecider decider) {
        this.classifier = classifier;
        this.meetings = meetings;
        this.decider = decider;
    }

    /** The decision after checking {@code text}: {@code decision} itself when nothing lowers it. */
    Decision check(Member member, OrgPolicy policy, Chunk chunk, Decision decision, String text, Flow out) {
        long start = System.nanoTime();
        Lowering lowering = new Lowering(decision);
        try {
            var request = new DecisionRequest(
                    member,
                    text,
                    // Our own answer is not a question for us: the classification only carries ranked topics.
                    new Classification(false, 1.0, List.of()),
                    policy.catalog(),
                    policy.rules(),
                    meetings.disabledTopics(member.org(), chunk.meetingId(), member.email()),
                    policy.settings(),
                    meetings.context(member.org(), chunk.meetingId(), member.email()),
                    policy.context());
            checkWhole(policy, request, wholeRanking(policy, chunk, text), lowering);
            List<String> sentences = sentences(text);
            if (sentences.size() > 1) {
                for (String sentence : sentences) {
                    checkSentence(policy, request, classifier.rankAnswer(policy.catalog(), sentence), lowering);
                }
            }
        } catch (DependencyUnavailableException e) {
            // What was lowered before the classifier failed stands; an answer still AUTO is held.
            lowering.unavailable();
        }
        var detail = new LinkedHashMap<String, Object>();
        detail.put("lowered", lowering.checked != decision);
        if (lowering.topic != null) {
            detail.put("topic", lowering.topic);
        }
        out.emit(new FlowEvent(FlowStep.OUTPUT_CHECK, detail, Flow.elapsedMillis(start)));
        return lowering.checked;
    }

    /**
     * The answer's topics as a whole. An answer that says little on its own ("Yes, that's built in. You configure it
     * from the admin settings.") is read again as the reply it is, after the question: when that reading is confident,
     * it stands. A confident reading of the answer alone always stands, and each sentence is still checked alone.
     */
    private List<TopicScore> wholeRanking(OrgPolicy policy, Chunk chunk, String text) {
        List<TopicScore> alone = classifier.rankAnswer(policy.catalog(), text);
        if (top(alone) >= policy.settings().minConfidence()) {
            return alone;
        }
        List<TopicScore> asReply = classifier.rankAnswer(policy.catalog(), chunk.text() + "\n" + text);
        return top(asReply) >= policy.settings().minConfidence() ? asReply : alone;
    }

    /** The answer as a whole: its plausible topics, at most {@code APPROVE} when unsure, held when none fits. */
    private void checkWhole(OrgPolicy policy, DecisionRequest request, List<TopicScore> ranked, Lowering lowering) {
        List<String> topics = plausible(policy, ranked);
        double confidence = top(ranked);
        if (topics.isEmpty()) {
            lowering.lower(
                    null,
                    Effect.APPROVE,
                    "no topic of the catalogue fits the proposed answer: held for approval",
                    "no topic of the catalogue fits the answer");
            return;
        }
        boolean unsure = confidence < policy.settings().minConfidence();
        for (String topic : topics) {
            Effect effect = decider.effectOf(request, List.of(topic));
            if (!unsure) {
                lowering.lower(topic, effect, strays(topic, effect), "answer classified as " + topic);
                continue;
            }
            Effect capped = effect.atMost(Effect.APPROVE);
            lowering.lower(
                    topic,
                    capped,
                    String.format(
                            Locale.ROOT,
                            "unsure what the proposed answer is about (%s, confidence %.2f): %s",
                            String.join(" or ", topics),
                            confidence,
                            verdict(capped)),
                    String.format(
                            Locale.ROOT,
                            "answer classified as %s, confidence %.2f below %.2f: at most APPROVE",
                            topic,
                            confidence,
                            policy.settings().minConfidence()));
        }
    }

    /** One sentence of the answer: its plausible topics when it is confidently about one, else nothing. */
    private void checkSentence(OrgPolicy policy, DecisionRequest request, List<TopicScore> ranked, Lowering lowering) {
        if (top(ranked) < policy.settings().minConfidence()) {
            return;
        }
        for (String topic : plausible(policy, ranked)) {
            Effect effect = decider.effectOf(request, List.of(topic));
            lowering.lower(topic, effect, strays(topic, effect), "a sentence of the answer classified as " + topic);
        }
    }

    /** The sentences of an answer, in order, without blanks. */
    static List<String> sentences(String text) {
        return Sentences.of(text);
    }

    /**
     * The catalogue topics a ranking plausibly names, as for a chunk: the best one and every other within the
     * ambiguity margin, whatever their confidence (an unsure answer is capped, not ignored).
     */
    private static List<String> plausible(OrgPolicy policy, List<TopicScore> ranked) {
        return new Classification(false, 1.0, ranked)
                .plausible(policy.settings().ambiguityMargin(), PolicyDecider.MAX_PLAUSIBLE).stream()
                        .map(TopicScore::topic)
                        .filter(policy.catalog()::contains)
                        .toList();
    }

    private static double top(List<TopicScore> ranked) {
        return ranked.stream().mapToDouble(TopicScore::confidence).max().orElse(0.0);
    }

    private static String strays(String topic, Effect effect) {
        return "the proposed answer strays into " + topic + ": " + verdict(effect);
    }

    private static String verdict(Effect effect) {
        return effect == Effect.DENY ? "refused" : "held for approval";
    }

    /** The decision as lowered so far, and the topic that lowered it last. */
    private static final class Lowering {
        private final Decision original;
        private Decision checked;
        private String topic;

        Lowering(Decision original) {
            this.original = original;
            this.checked = original;
        }

        /** The rest of the answer could not be checked: at most {@code APPROVE}. */
        void unavailable() {
            topic = "unavailable";
            if (checked.outcome() == Outcome.AUTO) {
                checked = checked.loweredTo(
                        Outcome.APPROVE,
                        Layer.OUTPUT_CHECK,
                        "the answer could not be checked: held for approval",
                        original.topic(),
                        new TraceEntry(Layer.OUTPUT_CHECK, Effect.APPROVE, null, "output check unavailable"));
            }
        }

        /** Lowers the decision to {@code effect} when that is more restrictive than it is now. */
        void lower(String topic, Effect effect, String reason, String traced) {
            if (Outcome.of(effect).ordinal() <= checked.outcome().ordinal()) {
                return;
            }
            this.topic = topic == null ? "unknown" : topic;
            checked = checked.loweredTo(
                    Outcome.of(effect),
                    Layer.OUTPUT_CHECK,
                    reason,
                    original.topic(),
                    new TraceEntry(Layer.OUTPUT_CHECK, effect, topic, traced));
        }
    }
}
