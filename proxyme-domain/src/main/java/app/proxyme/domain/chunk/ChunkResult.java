package app.proxyme.domain.chunk;

import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.decision.Decision;
import java.util.Objects;

/** How the handling of one chunk ended: with a decision only, with a suggestion, or with a failed suggestion. */
public sealed interface ChunkResult {
    /** The decision that stands (after the output check, when one ran). */
    Decision decision();

    /** Decided, and nothing is drafted: {@code NONE}, {@code DENY}, or a decision that allows no generation. */
    record Decided(Decision decision) implements ChunkResult {
        public Decided {
            Objects.requireNonNull(decision, "decision");
        }
    }

    /** An answer was drafted, checked and shown at once or held for approval. */
    record Suggested(Decision decision, Suggestion suggestion) implements ChunkResult {
        public Suggested {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(suggestion, "suggestion");
        }
    }

    /**
     * The decision promised a suggestion, but no answer could be drafted (vault or generator unavailable, or the
     * token refused). The failure is audited ({@code suggestion_failed}) and reported, never left hanging.
     *
     * @param reason why, in words a participant can read (no internal detail)
     */
    record SuggestionFailed(Decision decision, String reason) implements ChunkResult {
        public SuggestionFailed {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
