package app.proxyme.domain.pipeline;

import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.chunk.ChunkListener;
import app.proxyme.domain.chunk.ChunkResult;
import app.proxyme.domain.chunk.DryRun;
import app.proxyme.domain.port.in.HandleChunk;
import app.proxyme.domain.Ids;
import app.proxyme.domain.approval.BindingMessage;
import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.approval.SuggestionStatus;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.layers.DecisionRequest;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.layers.PolicyDecider;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.decision.TraceEntry;
import app.proxyme.domain.flow.Flow;
import app.proxyme.domain.flow.FlowEvent;
import app.proxyme.domain.flow.FlowStep;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.DependencyUnavailableException;
import app.proxyme.domain.port.out.MeetingStore;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.domain.port.out.ResponseGenerator;
import app.proxyme.domain.port.out.ScopedToken;
import app.proxyme.domain.port.out.StepUpApproval;
import app.proxyme.domain.port.out.SuggestionStore;
import app.proxyme.domain.port.out.TokenRefusedException;
import app.proxyme.domain.port.out.TokenVault;
import app.proxyme.domain.port.out.TopicClassifier;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The use case "evaluate a chunk" (PRODUCT.md, "The decision for one transcript chunk"): read it with a scoped
 * token, classify it, decide it through the three layers, record the decision, and when allowed generate an
 * answer with a topic-bound token, check the answer, and show it at once or hold it for approval.
 *
 * <p>Every dependency that fails makes the outcome more restrictive, never less: no {@code AUTO} without a working
 * classifier, FGA, vault and generator. The audit record of a decision is durable before the decision is shown.
 */
public final class ChunkPipeline implements HandleChunk {
    private static final String ENGINE = "engine";

    private final Ports ports;
    private final PolicyDecider decider;

    /** The ports the pipeline uses. */
    public record Ports(PolicyStore policies, MeetingStore meetings, TopicClassifier classifier,
            app.proxyme.domain.port.out.RelationshipCheck fga, TokenVault vault, ResponseGenerator generator,
            StepUpApproval stepUp, SuggestionStore suggestions, AuditLog audit, Clock clock) {}

    public ChunkPipeline(Ports ports) {
        this.ports = ports;
        this.decider = new PolicyDecider(ports.fga());
    }

    /** The whole decision for {@code chunk}, sent by {@code member}, reported to {@code out} as it happens. */
    @Override
    public ChunkResult process(Member member, Chunk chunk, ChunkListener out) {
        requireSameOrg(member, chunk.org());
        OrgPolicy policy = ports.policies().policy(member.org());
        boolean canRead = readToken(member, out);
        Classification classification = classify(policy, chunk.text(), out);
        Decision decision = classification == null
                ? unavailable("classifier unavailable: held for approval")
                : decider.decide(request(member, policy, chunk, classification), out);
        if (!canRead && decision.outcome() != Outcome.NONE) {
            decision = capped(decision, "token vault unavailable: the transcript could not be read with a scoped token");
        }
        record(out, List.of(chunkEntry(member, chunk), decisionEntry(member, chunk, decision, Layer.NONE)));
        out.decision(decision);
        if (!decision.generationAllowed()) {
            return new ChunkResult.Decided(decision);
        }
        return answer(member, policy, chunk, decision, out);
    }

    /** The decision only, without generation and without any record: the policy playground and dry runs. */
    public DryRun evaluate(Member member, String text) {
        OrgPolicy policy = ports.policies().policy(member.org());
        Classification classification = ports.classifier().classify(policy.catalog(), text);
        var request = new DecisionRequest(member, text, classification, policy.catalog(), policy.rules(), Set.of(),
                policy.settings());
        return new DryRun(classification, decider.decide(request, Flow.IGNORE));
    }

    private ChunkResult answer(Member member, OrgPolicy policy, Chunk chunk, Decision decision, ChunkListener out) {
        Topic topic = policy.catalog().find(decision.topic()).orElseThrow();
        ScopedToken token = writeToken(member, topic.id(), out);
        if (token == null) {
            return failed(member, chunk, decision, "no token to write an answer on " + topic.id() + " could be had", out);
        }
        String text = generate(member, topic, chunk.text(), token, out);
        if (text == null) {
            return failed(member, chunk, decision, "the answer could not be drafted: the generator is unavailable", out);
        }
        Decision checked = outputCheck(member, policy, chunk, decision, text, out);
        if (checked != decision) {
            record(out, List.of(decisionEntry(member, chunk, checked, Layer.OUTPUT_CHECK)));
            out.decision(checked);
            if (checked.outcome() == Outcome.DENY) {
                return new ChunkResult.Decided(checked);
            }
        }
        Suggestion suggestion = propose(member, policy, chunk, checked, text);
        ports.suggestions().save(suggestion);
        var entries = new ArrayList<AuditEntry>();
        entries.add(entry(AuditType.TOKEN, member, chunk.meetingId(), topic.id(), null, null,
                Map.of("chunkSeq", chunk.seq(), "scope", token.scope(), "cached", token.cached())));
        entries.add(suggestionEntry(suggestion));
        if (suggestion.approvalId() != null) {
            String binding = BindingMessage.of(topic.id(), text);
            requestApproval(suggestion, binding, out);
            entries.add(entry(AuditType.APPROVAL_REQUESTED, member, chunk.meetingId(), topic.id(),
                    ApprovalStatus.PENDING.name(), null, Map.of("chunkSeq", chunk.seq(), "approvalId",
                            suggestion.approvalId(), "suggestionId", suggestion.id(), "expiresAt",
                            suggestion.expiresAt().toString(), "bindingMessage", binding)));
        }
        record(out, entries);
        out.suggestion(suggestion);
        return new ChunkResult.Suggested(checked, suggestion);
    }

    /**
     * Ends a chunk whose promised suggestion could not be drafted: audited as {@code suggestion_failed} first, then
     * reported, so that no card waits for an answer that will never come.
     */
    private ChunkResult failed(Member member, Chunk chunk, Decision decision, String reason, ChunkListener out) {
        record(out, List.of(entry(AuditType.SUGGESTION_FAILED, member, chunk.meetingId(), decision.topic(),
                decision.outcome().name(), null, Map.of("chunkSeq", chunk.seq(), "reason", reason))));
        out.suggestionFailed(reason);
        return new ChunkResult.SuggestionFailed(decision, reason);
    }

    private boolean readToken(Member member, Flow out) {
        try {
            out.timed(FlowStep.TOKEN_VAULT, () -> ports.vault().obtain(member, TokenVault.READ_TRANSCRIPTS, null),
                    ChunkPipeline::tokenDetail);
            return true;
        } catch (DependencyUnavailableException | TokenRefusedException e) {
            return false;
        }
    }

    private Classification classify(OrgPolicy policy, String text, Flow out) {
        try {
            return out.timed(FlowStep.CLASSIFY, () -> ports.classifier().classify(policy.catalog(), text), c -> {
                var detail = new LinkedHashMap<String, Object>();
                detail.put("question", c.question());
                c.top().ifPresent(t -> {
                    detail.put("topic", t.topic());
                    detail.put("confidence", round(t.confidence()));
                });
                return detail;
            });
        } catch (DependencyUnavailableException e) {
            return null;
        }
    }

    private ScopedToken writeToken(Member member, String topic, Flow out) {
        try {
            return out.timed(FlowStep.TOKEN_VAULT,
                    () -> ports.vault().obtain(member, TokenVault.WRITE_SUGGESTIONS, topic),
                    ChunkPipeline::tokenDetail);
        } catch (DependencyUnavailableException | TokenRefusedException e) {
            return null;
        }
    }

    private String generate(Member member, Topic topic, String question, ScopedToken token, Flow out) {
        try {
            return out.timed(FlowStep.GENERATE, () -> ports.generator().generate(member, topic, question, token),
                    text -> Map.of("topic", topic.id(), "chars", text.length()));
        } catch (DependencyUnavailableException e) {
            return null;
        }
    }

    /** Classifies the generated answer; if it strays into a more restricted topic, the outcome is lowered. */
    private Decision outputCheck(Member member, OrgPolicy policy, Chunk chunk, Decision decision, String text,
            Flow out) {
        long start = System.nanoTime();
        Decision checked;
        String detailTopic = null;
        try {
            Classification answer = ports.classifier().classify(policy.catalog(), text);
            List<String> topics = answer.plausible(policy.settings().ambiguityMargin(), PolicyDecider.MAX_PLAUSIBLE)
                    .stream()
                    .filter(s -> s.confidence() >= policy.settings().minConfidence())
                    .map(TopicScore::topic)
                    .filter(policy.catalog()::contains)
                    .toList();
            checked = decision;
            for (String topic : topics) {
                var request = new DecisionRequest(member, text, answer, policy.catalog(), policy.rules(),
                        ports.meetings().disabledTopics(member.org(), chunk.meetingId(), member.email()),
                        policy.settings());
                Effect effect = decider.effectOf(request, List.of(topic));
                if (Outcome.of(effect).ordinal() > checked.outcome().ordinal()) {
                    detailTopic = topic;
                    checked = checked.loweredTo(Outcome.of(effect), Layer.OUTPUT_CHECK,
                            "the proposed answer strays into " + topic + ": " + (effect == Effect.DENY
                                    ? "refused" : "held for approval"),
                            decision.topic(), new TraceEntry(Layer.OUTPUT_CHECK, effect, topic,
                                    "answer classified as " + topic));
                }
            }
        } catch (DependencyUnavailableException e) {
            detailTopic = "unavailable";
            checked = decision.outcome() == Outcome.AUTO
                    ? decision.loweredTo(Outcome.APPROVE, Layer.OUTPUT_CHECK,
                            "the answer could not be checked: held for approval", decision.topic(),
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

    private Suggestion propose(Member member, OrgPolicy policy, Chunk chunk, Decision decision, String text) {
        Instant now = ports.clock().instant();
        if (decision.outcome() == Outcome.AUTO) {
            return new Suggestion(Ids.next("sg"), member.org(), chunk.meetingId(), member.email(), chunk.seq(),
                    decision.topic(), text, SuggestionStatus.AUTO, null, null, now, null, null);
        }
        return new Suggestion(Ids.next("sg"), member.org(), chunk.meetingId(), member.email(), chunk.seq(),
                decision.topic(), text, SuggestionStatus.PENDING_APPROVAL, Ids.next("ap"), ApprovalStatus.PENDING,
                now, now.plus(policy.settings().approvalTimeout()), null);
    }

    private void requestApproval(Suggestion held, String binding, Flow out) {
        try {
            out.timed(FlowStep.APPROVAL_REQUEST, () -> {
                ports.stepUp().request(held, binding);
                return held;
            }, s -> Map.of("approvalId", s.approvalId(), "bindingMessage", binding,
                    "expiresAt", s.expiresAt().toString()));
        } catch (DependencyUnavailableException e) {
            // The push could not be sent; the approval stays pending and can still be decided in the overlay.
        }
    }

    private void record(Flow out, List<AuditEntry> entries) {
        out.timed(FlowStep.AUDIT, () -> ports.audit().append(entries), records -> Map.of("events", records.size()));
    }

    private DecisionRequest request(Member member, OrgPolicy policy, Chunk chunk, Classification classification) {
        Set<String> disabled = ports.meetings().disabledTopics(member.org(), chunk.meetingId(), member.email());
        return new DecisionRequest(member, chunk.text(), classification, policy.catalog(), policy.rules(), disabled,
                policy.settings());
    }

    private static Decision unavailable(String reason) {
        return new Decision(true, null, 0, Outcome.APPROVE, Layer.CLASSIFIER, reason,
                List.of(new TraceEntry(Layer.CLASSIFIER, Effect.APPROVE, null, reason)), false);
    }

    private static Decision capped(Decision d, String reason) {
        if (d.outcome() == Outcome.DENY) {
            return d;
        }
        var trace = new ArrayList<>(d.trace());
        trace.add(new TraceEntry(Layer.CLASSIFIER, Effect.APPROVE, d.topic(), reason));
        return new Decision(d.question(), d.topic(), d.confidence(), Outcome.APPROVE,
                d.outcome() == Outcome.APPROVE ? d.layer() : Layer.CLASSIFIER, reason, trace, false);
    }

    private AuditEntry chunkEntry(Member member, Chunk chunk) {
        return entry(AuditType.CHUNK, member, chunk.meetingId(), null, null, null,
                Map.of("chunkSeq", chunk.seq(), "speaker", chunk.speaker(), "text", chunk.text()));
    }

    private AuditEntry decisionEntry(Member member, Chunk chunk, Decision d, Layer revisedBy) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("chunkSeq", chunk.seq());
        detail.put("question", d.question());
        detail.put("confidence", round(d.confidence()));
        detail.put("reason", d.reason());
        detail.put("trace", d.trace().stream().map(ChunkPipeline::traceMap).toList());
        if (revisedBy != Layer.NONE) {
            detail.put("revisedBy", revisedBy.wire());
        }
        return entry(AuditType.DECISION, member, chunk.meetingId(), d.topic(), d.outcome().name(), d.layer().wire(),
                detail);
    }

    private AuditEntry suggestionEntry(Suggestion s) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("chunkSeq", s.chunkSeq());
        detail.put("suggestionId", s.id());
        detail.put("text", s.text());
        if (s.approvalId() != null) {
            detail.put("approvalId", s.approvalId());
        }
        return new AuditEntry(AuditType.SUGGESTION, s.org(), s.meetingId(), s.user(), ENGINE, s.topic(),
                s.status().name(), null, detail);
    }

    /** The trace line as the audit event records it. */
    private static Map<String, Object> traceMap(TraceEntry e) {
        var m = new LinkedHashMap<String, Object>();
        m.put("layer", e.layer().wire());
        if (e.isSkipped()) {
            m.put("skipped", true);
        } else {
            m.put("effect", e.effect().name());
        }
        if (e.topic() != null) {
            m.put("topic", e.topic());
        }
        m.put("detail", e.detail());
        return m;
    }

    private static AuditEntry entry(AuditType type, Member member, String meeting, String topic, String outcome,
            String layer, Map<String, Object> detail) {
        return new AuditEntry(type, member.org(), meeting, member.email(), ENGINE, topic, outcome, layer, detail);
    }

    private static Map<String, Object> tokenDetail(ScopedToken t) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("scope", t.scope());
        if (t.topic() != null) {
            detail.put("topic", t.topic());
        }
        detail.put("cached", t.cached());
        return detail;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void requireSameOrg(Member member, String org) {
        if (!member.org().equals(org)) {
            throw new IllegalArgumentException("chunk of " + org + " sent by a member of " + member.org());
        }
    }
}
