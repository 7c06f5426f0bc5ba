package app.proxyme.domain.approval;

/** Where an approval stands (PROTOCOL.md). Only {@code PENDING} may change, and only once. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    DENIED,
    EXPIRED,
    FAILED;

    /** The suggestion status that follows from this approval status. */
    public SuggestionStatus suggestionStatus() {
        return switch (this) {
            case PENDING -> SuggestionStatus.PENDING_APPROVAL;
            case APPROVED -> SuggestionStatus.APPROVED;
            case DENIED -> SuggestionStatus.DENIED;
            case EXPIRED -> SuggestionStatus.EXPIRED;
            case FAILED -> SuggestionStatus.FAILED;
        };
    }
}
