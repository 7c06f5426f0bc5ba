package app.proxyme.domain.pipeline;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.policy.Member;
import java.util.List;
import java.util.Set;

/**
 * A member's chunk that the classifier was unsure of, as the meeting's audit trail holds it: its text (the chunk event's
 * reveal), the topic and confidence of its last decision. Found only when that decision is the classifier's
 * {@code APPROVE} and nothing was drafted for the chunk since.
 */
record UnsureChunk(Chunk chunk, String topic, double confidence) {
    private static final Set<AuditType> DRAFTED = Set.of(AuditType.SUGGESTION, AuditType.SUGGESTION_FAILED);

    /**
     * @throws DomainException {@code NOT_FOUND} when the member has no chunk {@code seq} in the meeting (or its text is
     *     not kept), {@code CONFLICT} when it was not unsure or has been drafted
     */
    static UnsureChunk find(List<AuditRecord> meeting, Member member, String meetingId, long seq) {
        AuditEntry chunk = null;
        AuditEntry decision = null;
        boolean drafted = false;
        for (AuditRecord r : meeting) {
            AuditEntry e = r.entry();
            if (!member.email().equals(e.user()) || !isSeq(e.detail().get("chunkSeq"), seq)) {
                continue;
            }
            if (e.type() == AuditType.CHUNK) {
                chunk = e;
            } else if (e.type() == AuditType.DECISION) {
                decision = e;
            } else if (DRAFTED.contains(e.type())) {
                drafted = true;
            }
        }
        if (chunk == null || chunk.reveal() == null || decision == null) {
            throw DomainException.notFound("no decided chunk " + seq + " of yours in meeting " + meetingId);
        }
        if (!Outcome.APPROVE.name().equals(decision.outcome())
                || !Layer.CLASSIFIER.wire().equals(decision.layer())) {
            throw DomainException.conflict(
                    "chunk " + seq + " was not unsure: only an unsure chunk is drafted on request");
        }
        if (drafted) {
            throw DomainException.conflict("chunk " + seq + " has been drafted already");
        }
        Object speaker = chunk.detail().get("speaker");
        Object confidence = decision.detail().get("confidence");
        return new UnsureChunk(
                new Chunk(
                        member.org(),
                        meetingId,
                        seq,
                        speaker == null ? "" : speaker.toString(),
                        chunk.reveal().text()),
                decision.topic(),
                confidence instanceof Number n ? n.doubleValue() : 0);
    }

    private static boolean isSeq(Object value, long seq) {
        return value instanceof Number n && n.longValue() == seq;
    }
}
