package app.proxyme.domain.aci;

/**
 * The work handed on: the main text, its context, and the sender's confidence in it (optional, 0..1).
 */
public record EnvelopeContent(String primary, String context, Double confidence) {
    /** The longest {@code primary} a hop may carry (ACI.md limits). */
    public static final int MAX_PRIMARY = 16_000;

    public EnvelopeContent {
        if (primary == null || primary.isBlank()) {
            throw HandoffRefused.invalid("content.primary", "required");
        }
        if (primary.length() > MAX_PRIMARY) {
            throw HandoffRefused.invalid("content.primary", "at most " + MAX_PRIMARY + " characters");
        }
        if (context != null && context.length() > MAX_PRIMARY) {
            throw HandoffRefused.invalid("content.context", "at most " + MAX_PRIMARY + " characters");
        }
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw HandoffRefused.invalid("content.confidence", "in [0,1]");
        }
    }

    /** What the classifier and the PII detectors read: the primary text and its context. */
    public String text() {
        return context == null ? primary : primary + "\n" + context;
    }
}
