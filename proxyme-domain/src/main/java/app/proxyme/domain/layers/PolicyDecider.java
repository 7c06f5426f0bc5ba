package app.proxyme.domain.layers;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.ConditionUse;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.decision.TraceEntry;
import app.proxyme.domain.flow.Flow;
import app.proxyme.domain.flow.FlowEvent;
import app.proxyme.domain.flow.FlowStep;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.port.out.RelationshipCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides one chunk: rules, then FGA, then toggles, for every plausible topic; the most restrictive effect wins.
 *
 * <ul>
 *   <li>Not a question: {@code NONE}, layer {@code none}.</li>
 *   <li>No topic of the catalogue fits, or the best one is below the confidence threshold: the most restrictive
 *       effect among the plausible topics, never above {@code APPROVE}; layer {@code classifier}.</li>
 *   <li>Otherwise the most restrictive plausible topic decides; its deciding layer is the first whose effect equals
 *       the outcome ({@code fga} when everything allows {@code AUTO}: the role is the ceiling).</li>
 *   <li>A topic denied by a layer is not evaluated further: later layers appear in the trace as skipped.</li>
 * </ul>
 */
public final class PolicyDecider {
    /** The most topics a chunk is evaluated for. */
    public static final int MAX_PLAUSIBLE = 3;

    private final RelationshipCheck fga;

    public PolicyDecider(RelationshipCheck fga) {
        this.fga = fga;
    }

    public Decision decide(DecisionRequest request, Flow flow) {
        long start = System.nanoTime();
        Decision decision = decideQuietly(request, flow);
        var detail = new LinkedHashMap<String, Object>();
        detail.put("outcome", decision.outcome().name());
        detail.put("layer", decision.layer().wire());
        if (decision.topic() != null) {
            detail.put("topic", decision.topic());
        }
        flow.emit(new FlowEvent(FlowStep.DECISION, detail, Flow.elapsedMillis(start)));
        return decision;
    }

    private Decision decideQuietly(DecisionRequest request, Flow flow) {
        Classification c = request.classification();
        double confidence = c.top().map(TopicScore::confidence).orElse(0.0);
        if (!c.question()) {
            return new Decision(
                    false,
                    c.top().map(TopicScore::topic).orElse(null),
                    confidence,
                    Outcome.NONE,
                    Layer.NONE,
                    "not a question for us",
                    List.of(),
                    false);
        }
        List<String> plausible = c.plausible(request.settings().ambiguityMargin(), MAX_PLAUSIBLE).stream()
                .map(TopicScore::topic)
                .filter(request.catalog()::contains)
                .toList();
        if (plausible.isEmpty()) {
            var entry = new TraceEntry(Layer.CLASSIFIER, Effect.APPROVE, null, "no topic of the catalogue fits");
            return new Decision(
                    true,
                    null,
                    confidence,
                    Outcome.APPROVE,
                    Layer.CLASSIFIER,
                    "topic unknown: held for approval",
                    List.of(entry),
                    false);
        }
        Evaluation evaluation = evaluate(request, plausible, flow);
        TopicResult decisive = evaluation.mostRestrictive();
        boolean unsure = confidence < request.settings().minConfidence();
        if (unsure) {
            Effect capped = decisive.effect().atMost(Effect.APPROVE);
            var trace = new ArrayList<>(evaluation.trace());
            trace.add(new TraceEntry(
                    Layer.CLASSIFIER,
                    Effect.APPROVE,
                    null,
                    String.format(
                            java.util.Locale.ROOT,
                            "confidence %.2f below %.2f: at most APPROVE",
                            confidence,
                            request.settings().minConfidence())));
            String reason = String.format(
                    java.util.Locale.ROOT,
                    "unsure of the topic (%s, confidence %.2f): %s",
                    String.join(" or ", plausible),
                    confidence,
                    capped == Effect.DENY ? "refused" : "nothing drafted; a draft on request is held for approval");
            return new Decision(
                    true,
                    decisive.topic(),
                    confidence,
                    Outcome.of(capped),
                    Layer.CLASSIFIER,
                    reason,
                    trace,
                    // unsure: nothing is drafted or pushed; the user may ask for a draft (HandleChunk.draft)
                    false);
        }
        Effect outcome = decisive.effect();
        return new Decision(
                true,
                decisive.topic(),
                confidence,
                Outcome.of(outcome),
                decisive.layer(),
                decisive.reason(),
                evaluation.trace(),
                outcome != Effect.DENY && !evaluation.anyUnavailable());
    }

    /** The effect of each topic through the three layers, without flow events: for checks after generation. */
    public Effect effectOf(DecisionRequest request, List<String> topics) {
        return evaluate(request, topics, Flow.IGNORE).mostRestrictive().effect();
    }

    private Evaluation evaluate(DecisionRequest request, List<String> topics, Flow flow) {
        List<PolicyLayer> layers = List.of(
                new RulesLayer(request.rules()),
                new FgaLayer(fga, request.context(), request.contextPolicy()),
                new TogglesLayer(request.disabledTopics()));
        var results = new LinkedHashMap<String, TopicResult>();
        topics.forEach(t -> results.put(t, TopicResult.start(t)));
        for (PolicyLayer layer : layers) {
            List<String> open = results.values().stream()
                    .filter(r -> r.effect() != Effect.DENY)
                    .map(TopicResult::topic)
                    .toList();
            long start = System.nanoTime();
            Map<String, LayerVerdict> verdicts =
                    open.isEmpty() ? Map.of() : layer.evaluate(request.member(), request.text(), open);
            for (TopicResult r : List.copyOf(results.values())) {
                LayerVerdict v = verdicts.get(r.topic());
                results.put(r.topic(), v == null ? r.skip(layer.layer()) : r.with(layer.layer(), v));
            }
            flow.emit(new FlowEvent(layer.step(), flowDetail(open, verdicts), Flow.elapsedMillis(start)));
        }
        return new Evaluation(List.copyOf(results.values()));
    }

    private static Map<String, Object> flowDetail(List<String> open, Map<String, LayerVerdict> verdicts) {
        if (open.isEmpty()) {
            return Map.of("skipped", true);
        }
        var detail = new LinkedHashMap<String, Object>();
        var effects = new LinkedHashMap<String, Object>();
        var conditions = new LinkedHashMap<String, Object>();
        verdicts.forEach((topic, v) -> {
            effects.put(topic, v.effect().name());
            if (v.condition() != null) {
                conditions.put(topic, conditionDetail(v.condition()));
            }
        });
        detail.put("effects", effects);
        if (!conditions.isEmpty()) {
            detail.put("conditions", conditions);
        }
        if (verdicts.values().stream().anyMatch(LayerVerdict::unavailable)) {
            detail.put("unavailable", true);
        }
        return detail;
    }

    /** A condition as the flow ticker and the trace show it: expression, values used, holds, missing values. */
    public static Map<String, Object> conditionDetail(ConditionUse c) {
        var d = new LinkedHashMap<String, Object>();
        d.put("expression", c.expression());
        d.put("values", c.values());
        d.put("holds", c.holds());
        if (!c.missing().isEmpty()) {
            d.put("missing", c.missing());
        }
        return d;
    }

    /** The layers' verdicts for one topic so far. */
    private record TopicResult(
            String topic, Effect effect, List<TraceEntry> trace, List<Layer> evaluated, boolean unavailable) {
        static TopicResult start(String topic) {
            return new TopicResult(topic, Effect.AUTO, List.of(), List.of(), false);
        }

        TopicResult with(Layer layer, LayerVerdict v) {
            var t = new ArrayList<>(trace);
            t.add(new TraceEntry(layer, v.effect(), topic, v.detail(), v.condition()));
            var e = new ArrayList<>(evaluated);
            e.add(layer);
            return new TopicResult(topic, effect.and(v.effect()), t, e, unavailable || v.unavailable());
        }

        TopicResult skip(Layer layer) {
            var t = new ArrayList<>(trace);
            t.add(TraceEntry.skipped(layer, topic, "not evaluated: " + topic + " already refused"));
            return new TopicResult(topic, effect, t, evaluated, unavailable);
        }

        /** The first layer whose effect equals the outcome; FGA when all allow AUTO (the role is the ceiling). */
        Layer layer() {
            if (effect == Effect.AUTO) {
                return Layer.FGA;
            }
            return trace.stream()
                    .filter(e -> e.effect() == effect)
                    .findFirst()
                    .map(TraceEntry::layer)
                    .orElseThrow();
        }

        String reason() {
            if (effect == Effect.AUTO) {
                return trace.stream()
                        .filter(e -> e.layer() == Layer.FGA)
                        .findFirst()
                        .map(TraceEntry::detail)
                        .orElse("allowed");
            }
            return trace.stream()
                    .filter(e -> e.effect() == effect)
                    .findFirst()
                    .map(TraceEntry::detail)
                    .orElseThrow();
        }
    }

    private record Evaluation(List<TopicResult> results) {
        /** The most restrictive topic; on a tie, the more likely one (the classifier's order). */
        TopicResult mostRestrictive() {
            TopicResult worst = results.get(0);
            for (TopicResult r : results) {
                if (r.effect().isMoreRestrictiveThan(worst.effect())) {
                    worst = r;
                }
            }
            return worst;
        }

        List<TraceEntry> trace() {
            return results.stream().flatMap(r -> r.trace().stream()).toList();
        }

        boolean anyUnavailable() {
            return results.stream().anyMatch(TopicResult::unavailable);
        }
    }
}
