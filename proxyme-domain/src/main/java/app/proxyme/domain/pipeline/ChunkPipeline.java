package app.proxyme.domain.pipeline;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import app.proxyme.domain.Ids;
import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.BindingMessage;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.approval.SuggestionStatus;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.chunk.ChunkListener;
import app.proxyme.domain.chunk.ChunkResult;
import app.proxyme.domain.chunk.DryRun;
import app.proxyme.domain.chunk.PendingAnswer;
import app.proxyme.domain.chunk.PrecedingTurns;
import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.decision.TraceEntry;
import app.proxyme.domain.flow.Flow;
import app.proxyme.domain.flow.FlowStep;
import app.proxyme.domain.layers.DecisionRequest;
import app.proxyme.domain.layers.PolicyDecider;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.in.HandleChunk;
import app.proxyme.domain.port.out.AuditLog;
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
import java.util.Optional;
import java.util.Set;

/**
 * The use case "evaluate a chunk" (PRODUCT.md, "The decision for one transcript chunk"): read it with a scoped
 * token, classify it, decide it through the three layers, record the decision, and when allowed generate an
 * answer with a topic-bound token, check the answer, and show it at once or hold it for approval.
 *
 * <p>Every dependency that fails makes the outcome more restrictive, never less: no {@code AUTO} without a working
 * classifier, FGA, vault and generator.
 *
 * <p>Audit first: every event is durable before what it records is stored or shown — the decision before the
 * overlay hears of it, the suggestion before it is stored, and stored before the step-up request or the card is
 * pushed. An audit append that fails ({@code DependencyUnavailableException}) stops the chunk there: nothing after
 * it is stored or pushed.
 */
public final class ChunkPipeline implements HandleChunk {
    private final Ports ports;
    private final PolicyDecider decider;
    private final AnswerDrafter drafter;
    private final OutputCheck outputCheck;

    /** The ports the pipeline uses. */
    public record Ports(
            PolicyStore policies,
            MeetingStore meetings,
            TopicClassifier classifier,
            app.proxyme.domain.port.out.RelationshipCheck fga,
            TokenVault vault,
            ResponseGenerator generator,
            StepUpApproval stepUp,
            SuggestionStore suggestions,
            AuditLog audit,
            Clock clock) {}

    public ChunkPipeline(Ports ports) {
        this.ports = ports;
        this.decider = new PolicyDecider(ports.fga());
        this.drafter = new AnswerDrafter(ports.vault(), ports.generator());
        this.outputCheck = new OutputCheck(ports.classifier(), ports.meetings(), decider);
    }

    /**
     * The same pipeline deciding with {@code classifier} in place of its own: for dry runs that must not reach a remote
     * model (the start's warm-up of the local path).
     */
    public ChunkPipeline withClassifier(TopicClassifier classifier) {
        Ports p = ports;
        return new ChunkPipeline(new Ports(
                p.policies(),
                p.meetings(),
                classifier,
                p.fga(),
                p.vault(),
                p.generator(),
                p.stepUp(),
                p.suggestions(),
                p.audit(),
                p.clock()));
    }

    /** The meeting a dry run's output check reads toggles of (none: no such meeting is ever joined). */
    private static final String DRY_RUN_MEETING = "proxyme-dry-run";

    /** Records the chunk event: durable when this returns, so the chunk may be acknowledged. */
    @Override
    public void accept(Member member, Chunk chunk) {
        requireSameOrg(member, chunk.org());
        ports.audit().append(List.of(new ChunkAuditEntries(member, chunk).chunk()));
    }

    /**
     * The whole decision for {@code chunk} (accepted before), sent by {@code member}, reported to {@code out} as it
     * happens: {@link #decide}, then {@link #answer} when the decision allows one.
     */
    @Override
    public ChunkResult process(Member member, Chunk chunk, ChunkListener out) {
        Decided decided = decided(member, chunk, out);
        return decided.decision().generationAllowed()
                ? answer(member, decided.policy(), chunk, decided.decision(), out)
                : new ChunkResult.Decided(decided.decision());
    }

    @Override
    public Optional<PendingAnswer> decide(Member member, Chunk chunk, ChunkListener out) {
        Decided decided = decided(member, chunk, out);
        return decided.decision().generationAllowed()
                ? Optional.of(new PendingAnswer(member, decided.policy(), chunk, decided.decision()))
                : Optional.empty();
    }

    /** A chunk's decision and the policy it was taken under. */
    private record Decided(OrgPolicy policy, Decision decision) {}

    /** Classifies and decides {@code chunk}; the decision is durable in the trail, then reported. */
    private Decided decided(Member member, Chunk chunk, ChunkListener out) {
        requireSameOrg(member, chunk.org());
        OrgPolicy policy = ports.policies().policy(member.org());
        boolean canRead = readToken(member, out);
        Classification classification = classify(policy, member, chunk, out);
        Decision decision = classification == null
                ? unavailable("classifier unavailable: held for approval")
                : decider.decide(request(member, policy, chunk, classification), out);
        if (!canRead && decision.outcome() != Outcome.NONE) {
            decision =
                    capped(decision, "token vault unavailable: the transcript could not be read with a scoped token");
        }
        var audit = new ChunkAuditEntries(member, chunk);
        record(out, List.of(audit.decision(decision, Layer.NONE)));
        out.decision(decision);
        return new Decided(policy, decision);
    }

    @Override
    public ChunkResult answer(PendingAnswer pending, ChunkListener out) {
        return answer(pending.member(), pending.policy(), pending.chunk(), pending.decision(), out);
    }

    @Override
    public ChunkResult dropAnswer(PendingAnswer pending, String reason, ChunkListener out) {
        return failed(new ChunkAuditEntries(pending.member(), pending.chunk()), pending.decision(), reason, out);
    }

    @Override
    public ChunkResult draft(Member member, String meetingId, long seq, ChunkListener out) {
        UnsureChunk unsure = UnsureChunk.find(ports.audit().meeting(member.org(), meetingId), member, meetingId, seq);
        OrgPolicy policy = ports.policies().policy(member.org());
        if (unsure.topic() == null || policy.catalog().find(unsure.topic()).isEmpty()) {
            throw DomainException.conflict("chunk " + seq + " was about no topic of the catalogue: nothing to draft");
        }
        Decision onRequest = new Decision(
                true,
                unsure.topic(),
                unsure.confidence(),
                Outcome.APPROVE,
                Layer.CLASSIFIER,
                "unsure of the topic: drafted on request, held for approval",
                List.of(),
                true);
        // the trail says it was not drafted; the claim makes sure that of requests racing past that check, on any
        // instance, only one drafts
        if (!ports.suggestions().claimDraft(member.org(), meetingId, member.email(), seq)) {
            throw DomainException.conflict("chunk " + seq + " is being drafted or has been drafted already");
        }
        try {
            return answer(member, policy, unsure.chunk(), onRequest, out);
        } catch (RuntimeException e) {
            // nothing of the draft is durable (an audit append failed): it may be asked for again; were anything
            // recorded, the trail's check above would refuse a second draft anyway
            releaseDraft(member, meetingId, seq);
            throw e;
        }
    }

    private void releaseDraft(Member member, String meetingId, long seq) {
        try {
            ports.suggestions().releaseDraft(member.org(), meetingId, member.email(), seq);
        } catch (RuntimeException ignored) {
            // the store is down too: the chunk stays claimed, which refuses a draft but never allows two
        }
    }

    /** The decision only, without generation and without any record: the policy playground and dry runs. */
    public DryRun evaluate(Member member, String text) {
        return evaluate(member, text, Map.of());
    }

    /**
     * A dry run with meeting values, checked against the policy's declarations.
     *
     * @throws DomainException {@code BAD_REQUEST} naming a value that is not declared or not of its type
     */
    public DryRun evaluate(Member member, String text, Map<String, ?> context) {
        OrgPolicy policy = ports.policies().policy(member.org());
        Map<String, Object> values = checkedContext(policy, context);
        Classification classification = ports.classifier().classify(policy.catalog(), text);
        var request = new DecisionRequest(
                member,
                text,
                classification,
                policy.catalog(),
                policy.rules(),
                Set.of(),
                policy.settings(),
                values,
                policy.context());
        return new DryRun(classification, decider.decide(request, Flow.IGNORE));
    }

    /**
     * The answer side of a dry run (warm-up): {@code answer}, as if drafted for {@code text}, goes through the output
     * check after the dry decision of {@code text}; nothing is recorded, generated or shown.
     *
     * @return the decision after the output check; empty when the decision of {@code text} allows no answer
     */
    public java.util.Optional<Decision> dryCheck(Member member, String text, String answer) {
        Decision decision = evaluate(member, text).decision();
        if (!decision.generationAllowed()) {
            return java.util.Optional.empty();
        }
        OrgPolicy policy = ports.policies().policy(member.org());
        var chunk = new Chunk(member.org(), DRY_RUN_MEETING, 1, "", text);
        return java.util.Optional.of(outputCheck.check(member, policy, chunk, decision, answer, Flow.IGNORE));
    }

    /**
     * Drafts, checks and proposes an answer. Audit first: the suggestion (with its token and approval request) is
     * durable in the trail before it is stored — where a reconnecting overlay and the approval API find it — and
     * stored before anything is pushed (the phone's step-up request, the overlay's card). If it cannot be stored
     * after it was recorded, a {@code suggestion_failed} event says so, so that the trail does not promise an answer
     * that nobody can see or approve.
     */
    private ChunkResult answer(Member member, OrgPolicy policy, Chunk chunk, Decision decision, ChunkListener out) {
        Topic topic = policy.catalog().find(decision.topic()).orElseThrow();
        var audit = new ChunkAuditEntries(member, chunk);
        PrecedingTurns before = drafter.readsContext() ? turnsBefore(member, chunk) : PrecedingTurns.NONE;
        AnswerDrafter.Draft draft = drafter.draft(member, topic, chunk.text(), before, out);
        if (draft instanceof AnswerDrafter.NotDrafted(var reason)) {
            return failed(audit, decision, reason, out);
        }
        var drafted = (AnswerDrafter.Drafted) draft;
        String text = drafted.text();
        ScopedToken token = drafted.token();
        Decision checked = outputCheck.check(member, policy, chunk, decision, text, out);
        if (checked != decision) {
            record(out, List.of(audit.decision(checked, Layer.OUTPUT_CHECK)));
            out.decision(checked);
            if (checked.outcome() == Outcome.DENY) {
                return new ChunkResult.Decided(checked);
            }
        }
        Suggestion suggestion = propose(member, policy, chunk, checked, text);
        String binding = suggestion.approvalId() == null ? null : BindingMessage.of(topic.id(), text);
        var entries = new ArrayList<AuditEntry>();
        entries.add(audit.token(topic.id(), token));
        entries.add(audit.suggestion(suggestion));
        if (binding != null) {
            entries.add(audit.approvalRequested(suggestion, binding));
        }
        record(out, entries);
        try {
            ports.suggestions().save(suggestion);
        } catch (RuntimeException e) {
            return failed(audit, checked, "the answer could not be stored", out);
        }
        if (binding != null) {
            requestApproval(suggestion, binding, out);
        }
        out.suggestion(suggestion);
        return new ChunkResult.Suggested(checked, suggestion);
    }

    /**
     * Ends a chunk whose promised suggestion could not be drafted: audited as {@code suggestion_failed} first, then
     * reported, so that no card waits for an answer that will never come.
     */
    private ChunkResult failed(ChunkAuditEntries audit, Decision decision, String reason, ChunkListener out) {
        record(out, List.of(audit.suggestionFailed(decision, reason)));
        out.suggestionFailed(reason);
        return new ChunkResult.SuggestionFailed(decision, reason);
    }

    private boolean readToken(Member member, Flow out) {
        try {
            out.timed(
                    FlowStep.TOKEN_VAULT,
                    () -> ports.vault().obtain(member, TokenVault.READ_TRANSCRIPTS, null),
                    AnswerDrafter::tokenDetail);
            return true;
        } catch (DependencyUnavailableException | TokenRefusedException e) {
            return false;
        }
    }

    private Classification classify(OrgPolicy policy, Member member, Chunk chunk, Flow out) {
        TopicClassifier classifier = ports.classifier();
        try {
            return out.timed(
                    FlowStep.CLASSIFY,
                    () -> classifier.readsContext()
                            ? classifier.classify(policy.catalog(), chunk.text(), turnsBefore(member, chunk))
                            : classifier.classify(policy.catalog(), chunk.text()),
                    c -> {
                        var detail = new LinkedHashMap<String, Object>();
                        detail.put("question", c.question());
                        c.top().ifPresent(t -> {
                            detail.put("topic", t.topic());
                            detail.put("confidence", ChunkAuditEntries.rounded(t.confidence()));
                        });
                        if (c.fallback() != null) {
                            detail.put("fallback", c.fallback());
                        }
                        return detail;
                    });
        } catch (DependencyUnavailableException e) {
            return null;
        }
    }

    /** What the member's overlay sent before {@code chunk} in its meeting; none when it cannot be read. */
    private PrecedingTurns turnsBefore(Member member, Chunk chunk) {
        try {
            return PrecedingTurns.before(
                    chunk.seq(),
                    ports.audit().latestChunks(member.org(), chunk.meetingId(), member.email(), PrecedingTurns.READ));
        } catch (DependencyUnavailableException e) {
            return PrecedingTurns.NONE; // the context helps a model; the chunk alone is still classified
        }
    }

    private Suggestion propose(Member member, OrgPolicy policy, Chunk chunk, Decision decision, String text) {
        Instant now = ports.clock().instant();
        if (decision.outcome() == Outcome.AUTO) {
            return new Suggestion(
                    Ids.next("sg"),
                    member.org(),
                    chunk.meetingId(),
                    member.email(),
                    chunk.seq(),
                    decision.topic(),
                    text,
                    SuggestionStatus.AUTO,
                    null,
                    null,
                    now,
                    null,
                    null);
        }
        return new Suggestion(
                Ids.next("sg"),
                member.org(),
                chunk.meetingId(),
                member.email(),
                chunk.seq(),
                decision.topic(),
                text,
                SuggestionStatus.PENDING_APPROVAL,
                Ids.next("ap"),
                ApprovalStatus.PENDING,
                now,
                now.plus(policy.settings().approvalTimeout()),
                null);
    }

    private void requestApproval(Suggestion held, String binding, Flow out) {
        try {
            out.timed(
                    FlowStep.APPROVAL_REQUEST,
                    () -> {
                        ports.stepUp().request(held, binding);
                        return held;
                    },
                    s -> Map.of(
                            "approvalId",
                            s.approvalId(),
                            "bindingMessage",
                            binding,
                            "expiresAt",
                            s.expiresAt().toString()));
        } catch (DependencyUnavailableException e) {
            // The push could not be sent; the approval stays pending and can still be decided in the overlay.
        }
    }

    private void record(Flow out, List<AuditEntry> entries) {
        out.timed(FlowStep.AUDIT, () -> ports.audit().append(entries), records -> Map.of("events", records.size()));
    }

    private DecisionRequest request(Member member, OrgPolicy policy, Chunk chunk, Classification classification) {
        Set<String> disabled = ports.meetings().disabledTopics(member.org(), chunk.meetingId(), member.email());
        return new DecisionRequest(
                member,
                chunk.text(),
                classification,
                policy.catalog(),
                policy.rules(),
                disabled,
                policy.settings(),
                ports.meetings().context(member.org(), chunk.meetingId(), member.email()),
                policy.context());
    }

    /** Values checked against the policy's declarations, the cleared ones ({@code null}) left out. */
    static Map<String, Object> checkedContext(OrgPolicy policy, Map<String, ?> context) {
        try {
            var values = new java.util.LinkedHashMap<>(policy.context().check(context, "context"));
            values.values().removeIf(java.util.Objects::isNull);
            return values;
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest(e.getMessage());
        }
    }

    private static Decision unavailable(String reason) {
        return new Decision(
                true,
                null,
                0,
                Outcome.APPROVE,
                Layer.CLASSIFIER,
                reason,
                List.of(new TraceEntry(Layer.CLASSIFIER, Effect.APPROVE, null, reason)),
                false);
    }

    private static Decision capped(Decision d, String reason) {
        if (d.outcome() == Outcome.DENY) {
            return d;
        }
        var trace = new ArrayList<>(d.trace());
        trace.add(new TraceEntry(Layer.CLASSIFIER, Effect.APPROVE, d.topic(), reason));
        return new Decision(
                d.question(),
                d.topic(),
                d.confidence(),
                Outcome.APPROVE,
                d.outcome() == Outcome.APPROVE ? d.layer() : Layer.CLASSIFIER,
                reason,
                trace,
                false);
    }

    private static void requireSameOrg(Member member, String org) {
        if (!member.org().equals(org)) {
            throw new IllegalArgumentException("chunk of " + org + " sent by a member of " + member.org());
        }
    }
}
