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

    /** The chunk; its text is hidden from readers who may not see it (a {@code textDigest} and a reveal). */
    AuditEntry chunk() {
        return AuditEntry.withHiddenText(
                AuditType.CHUNK,
                member.org(),
                chunk.meetingId(),
                member.email(),
                ENGINE,
                null,
                null,
                null,
                Map.of("chunkSeq", chunk.seq(), "speaker", chunk.speaker()),
                chunk.text());
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
        if (s.approvalId() != null) {
            detail.put("approvalId", s.approvalId());
        }
        return AuditEntry.withHiddenText(
                AuditType.SUGGESTION,
                s.org(),
                s.meetingId(),
                s.user(),
                ENGINE,
                s.topic(),
                s.status().name(),
                null,
                detail,
                s.text());
    }

    /** The approval request; its binding message (which quotes the answer) is a hidden text. */
    AuditEntry approvalRequested(Suggestion held, String bindingMessage) {
        return AuditEntry.withHiddenText(
                AuditType.APPROVAL_REQUESTED,
                member.org(),
                chunk.meetingId(),
                member.email(),
                ENGINE,
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
                        held.expiresAt().toString()),
                bindingMessage);
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
