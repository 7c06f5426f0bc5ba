package app.proxyme.domain.port.in;

import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.chunk.ChunkListener;
import app.proxyme.domain.chunk.ChunkResult;
import app.proxyme.domain.policy.Member;

/** Use case: the whole decision for one transcript chunk (PRODUCT.md), reported to a listener as it happens. */
public interface HandleChunk {
    /**
     * Accepts {@code chunk}, sent by {@code member}: its {@code chunk} event is durable in the audit trail when this
     * returns, so the chunk may be acknowledged. From then on it ends in the trail with its {@code decision}, or with
     * {@code chunk_abandoned} when the process deciding it dies ({@link #process} decides it).
     *
     * @throws app.proxyme.domain.DependencyUnavailableException when the audit trail is unavailable: not accepted
     * @throws IllegalArgumentException when the chunk belongs to another organisation than the member
     */
    void accept(Member member, Chunk chunk);

    /**
     * Decides {@code chunk}, sent by {@code member} and {@link #accept accepted} before; drafts, checks and shows or holds an answer when allowed. Every
     * step is durable in the audit trail before the listener hears of it.
     *
     * @throws IllegalArgumentException when the chunk belongs to another organisation than the member
     */
    ChunkResult process(Member member, Chunk chunk, ChunkListener out);
}
