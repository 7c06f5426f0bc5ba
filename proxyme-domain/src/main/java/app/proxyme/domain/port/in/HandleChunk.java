package app.proxyme.domain.port.in;

import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.chunk.ChunkListener;
import app.proxyme.domain.chunk.ChunkResult;
import app.proxyme.domain.chunk.PendingAnswer;
import app.proxyme.domain.policy.Member;
import java.util.Optional;

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

    /**
     * The first half of {@link #process}: decides {@code chunk}, sent by {@code member} and {@link #accept accepted}
     * before; the decision is durable in the audit trail before the listener hears of it. What the decision allows
     * to draft is returned, not drafted: the runtime drafts it with {@link #answer} off the lane in which the member's
     * next chunks are decided, so that a slow generation never delays them.
     *
     * @return the answer to draft, when the decision allows one
     * @throws IllegalArgumentException when the chunk belongs to another organisation than the member
     */
    Optional<PendingAnswer> decide(Member member, Chunk chunk, ChunkListener out);

    /**
     * The second half of {@link #process}: drafts the answer a decision allowed, checks it and shows it at once or
     * holds it for approval, each step durable in the audit trail before the listener hears of it. Answers of one
     * member and meeting are to be drafted in the order of their chunks.
     */
    ChunkResult answer(PendingAnswer pending, ChunkListener out);

    /**
     * Gives up an answer that will not be drafted ({@code reason}: why, in words a participant can read): recorded as
     * {@code suggestion_failed} first, then reported, so that no card waits for it.
     */
    ChunkResult dropAnswer(PendingAnswer pending, String reason, ChunkListener out);

    /**
     * Drafts an answer on request for {@code member}'s chunk {@code seq} of the meeting, which the classifier was unsure
     * of ({@code decision.unsure}: nothing was drafted then). The draft goes through the output check and is held for
     * approval as usual, whatever the role could answer on its own.
     *
     * @throws app.proxyme.domain.DomainException {@code NOT_FOUND} when the member has no such chunk in the meeting,
     *     {@code CONFLICT} when it was not unsure or was drafted already
     */
    ChunkResult draft(Member member, String meetingId, long seq, ChunkListener out);
}
