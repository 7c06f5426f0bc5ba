package app.proxyme.domain.chunk;

import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.flow.Flow;
import app.proxyme.domain.flow.FlowEvent;

/** Receives what the pipeline produces for a chunk, as it produces it. */
public interface ChunkListener extends Flow {
    /** A decision; a later one for the same chunk (output check) replaces it. */
    void decision(Decision decision);

    void suggestion(Suggestion suggestion);

    /** The suggestion the decision promised could not be drafted; the failure is already audited. */
    void suggestionFailed(String reason);

    /** A listener that keeps nothing. */
    ChunkListener NONE = new ChunkListener() {
        @Override
        public void emit(FlowEvent event) {}

        @Override
        public void decision(Decision decision) {}

        @Override
        public void suggestion(Suggestion suggestion) {}

        @Override
        public void suggestionFailed(String reason) {}
    };
}
