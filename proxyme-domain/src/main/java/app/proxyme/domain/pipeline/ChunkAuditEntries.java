package app.proxyme.domain.pipeline;

import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.TraceEntry;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.ScopedToken;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audit events one chunk produces, as PROTOCOL.md records them ({@code detail.chunkSeq} on each). */
final class ChunkAuditEntries {
    private static final String ENGINE = "engine";

    private final Member member;
    private final Chunk chunk;

    ChunkAuditEntries(Member member, Chunk chunk) {
        this.member = member;
        this.chunk = chunk;
    }

    AuditEntry chunk() {
        return entry(
                AuditType.CHUNK,
                null,
                null,
                null,
                Map.of("chunkSeq", chunk.seq(), "speaker", chunk.speaker(), "text", chunk.text()));
    }

    /** A decision; {@code revisedBy} names the layer that revised an earlier one ({@link Layer#NONE} for the first). */
    AuditEntry decision(Decision d, Layer revisedBy) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("chunkSeq", chunk.seq());
        detail.put("question", d.question());
        detail.put("confidence", rounded(d.confidence()));
        detail.put("reason", d.reason());
        detail.put("trace", d.trace().stream().map(ChunkAuditEntries::trace).toList());
        if (revisedBy != Layer.NONE) {
            detail.put("revisedBy", revisedBy.wire());
        }
        return entry(
                AuditType.DECISION, d.topic(), d.outcome().name(), d.layer().wire(), detail);
    }

    AuditEntry token(String topic, ScopedToken token) {
        return entry(
                AuditType.TOKEN,
                topic,
                null,
                null,
                Map.of("chunkSeq", chunk.seq(), "scope", token.scope(), "cached", token.cached()));
    }

    AuditEntry suggestion(Suggestion s) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("chunkSeq", s.chunkSeq());
        detail.put("suggestionId", s.id());
        detail.put("text", s.text());
        if (s.approvalId() != null) {
            detail.put("approvalId", s.approvalId());
        }
        return new AuditEntry(
                AuditType.SUGGESTION,
                s.org(),
                s.meetingId(),
                s.user(),
                ENGINE,
                s.topic(),
                s.status().name(),
                null,
                detail);
    }

    AuditEntry approvalRequested(Suggestion held, String bindingMessage) {
        return entry(
                AuditType.APPROVAL_REQUESTED,
                held.topic(),
                ApprovalStatus.PENDING.name(),
                null,
                Map.of(
                        "chunkSeq",
                        chunk.seq(),
                        "approvalId",
                        held.approvalId(),
                        "suggestionId",
                        held.id(),
                        "expiresAt",
                        held.expiresAt().toString(),
                        "bindingMessage",
                        bindingMessage));
    }

    AuditEntry suggestionFailed(Decision d, String reason) {
        return entry(
                AuditType.SUGGESTION_FAILED,
                d.topic(),
                d.outcome().name(),
                null,
                Map.of("chunkSeq", chunk.seq(), "reason", reason));
    }

    /** The trace line as the audit event records it. */
    private static Map<String, Object> trace(TraceEntry e) {
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

    private AuditEntry entry(AuditType type, String topic, String outcome, String layer, Map<String, Object> detail) {
        return new AuditEntry(
                type, member.org(), chunk.meetingId(), member.email(), ENGINE, topic, outcome, layer, detail);
    }

    static double rounded(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
