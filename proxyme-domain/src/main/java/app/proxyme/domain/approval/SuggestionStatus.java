package app.proxyme.domain.approval;

/** Where a suggestion stands (PROTOCOL.md). */
public enum SuggestionStatus {
    AUTO,
    PENDING_APPROVAL,
    APPROVED,
    DENIED,
    EXPIRED
}
