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

/**
 * Step 5 of the decision (PRODUCT.md): the drafted answer is classified again, and when it strays into a topic the
 * member may answer less freely than the question's, the outcome is lowered to that topic's effect. When the answer
 * cannot be classified, an {@code AUTO} is held for approval.
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
        Decision checked;
        String detailTopic = null;
        try {
            Classification answer = classifier.classify(policy.catalog(), text);
            List<String> topics = answerTopics(policy, answer);
            var request = topics.isEmpty()
                    ? null
                    : new DecisionRequest(
                            member,
                            text,
                            answer,
                            policy.catalog(),
                            policy.rules(),
                            meetings.disabledTopics(member.org(), chunk.meetingId(), member.email()),
                            policy.settings());
            checked = decision;
            for (String topic : topics) {
                Effect effect = decider.effectOf(request, List.of(topic));
                if (Outcome.of(effect).ordinal() > checked.outcome().ordinal()) {
                    detailTopic = topic;
                    checked = checked.loweredTo(
                            Outcome.of(effect),
                            Layer.OUTPUT_CHECK,
                            "the proposed answer strays into " + topic + ": "
                                    + (effect == Effect.DENY ? "refused" : "held for approval"),
                            decision.topic(),
                            new TraceEntry(Layer.OUTPUT_CHECK, effect, topic, "answer classified as " + topic));
                }
            }
        } catch (DependencyUnavailableException e) {
            detailTopic = "unavailable";
            checked = decision.outcome() == Outcome.AUTO
                    ? decision.loweredTo(
                            Outcome.APPROVE,
                            Layer.OUTPUT_CHECK,
                            "the answer could not be checked: held for approval",
                            decision.topic(),
                            new TraceEntry(Layer.OUTPUT_CHECK, Effect.APPROVE, null, "output check unavailable"))
                    : decision;
        }
        var detail = new LinkedHashMap<String, Object>();
        detail.put("lowered", checked != decision);
        if (detailTopic != null) {
            detail.put("topic", detailTopic);
        }
        out.emit(new FlowEvent(FlowStep.OUTPUT_CHECK, detail, Flow.elapsedMillis(start)));
        return checked;
    }

    /** The catalogue topics the answer is plausibly about, with at least the organisation's minimum confidence. */
    private static List<String> answerTopics(OrgPolicy policy, Classification answer) {
        return answer.plausible(policy.settings().ambiguityMargin(), PolicyDecider.MAX_PLAUSIBLE).stream()
                .filter(s -> s.confidence() >= policy.settings().minConfidence())
                .map(TopicScore::topic)
                .filter(policy.catalog()::contains)
                .toList();
    }
}
