package app.proxyme.domain.flow;

/** The steps the flow ticker shows; {@link #wire()} is the name PROTOCOL.md uses. */
public enum FlowStep {
    TOKEN_VAULT,
    CLASSIFY,
    RULES,
    FGA,
    TOGGLES,
    DECISION,
    GENERATE,
    OUTPUT_CHECK,
    APPROVAL_REQUEST,
    APPROVAL_RESULT,
    HANDOFF,
    AUDIT;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
