package app.proxyme.domain.port.in;

import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.chunk.ChunkListener;
import app.proxyme.domain.chunk.ChunkResult;
import app.proxyme.domain.policy.Member;

/** Use case: the whole decision for one transcript chunk (PRODUCT.md), reported to a listener as it happens. */
public interface HandleChunk {
    /**
     * Decides {@code chunk}, sent by {@code member}; drafts, checks and shows or holds an answer when allowed. Every
     * step is durable in the audit trail before the listener hears of it.
     *
     * @throws IllegalArgumentException when the chunk belongs to another organisation than the member
     */
    ChunkResult process(Member member, Chunk chunk, ChunkListener out);
}
