package app.proxyme.domain.approval;

/**
 * Where a suggestion stands (PROTOCOL.md). {@code FAILED}: its approval failed (the out-of-band approver reported an
 * error), so it may not be used.
 */
public enum SuggestionStatus {
    AUTO,
    PENDING_APPROVAL,
    APPROVED,
    DENIED,
    EXPIRED,
    FAILED
}
