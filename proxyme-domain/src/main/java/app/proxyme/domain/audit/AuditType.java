package app.proxyme.domain.audit;

import java.util.Locale;

/** Audit event types (PROTOCOL.md); {@link #wire()} is the exported name. */
public enum AuditType {
    CHUNK,
    DECISION,
    TOKEN,
    SUGGESTION,
    APPROVAL_REQUESTED,
    APPROVAL_DECIDED,
    HANDOFF,
    GRANT,
    REVOCATION,
    CONSENT,
    POLICY_CHANGED,
    REVIEW,
    EXPORT,
    SHARE_CREATED,
    SHARE_OPENED,
    SHARE_REVOKED,
    PAIRING_CREATED,
    DEVICE_PAIRED,
    MESSAGE_SENT,
    MESSAGE_FAILED,
    LOGIN,
    CHECKPOINT,
    RETENTION,
    TOGGLE,
    SUGGESTION_FAILED,
    CHUNK_ABANDONED,
    CONTEXT_SET;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditType fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
