package app.proxyme.domain.audit;

/**
 * The result of checking a chain.
 *
 * @param ok whether every event hashes to its stored hash and links to its predecessor
 * @param events how many events were read
 * @param head the last event's hash (the chain's head), or {@code null} without events
 * @param by how the events were linked: {@code prev} (an organisation's chain or a range of it) or
 *     {@code meetingPrev} (one meeting's events)
 * @param firstBad the id of the first event that breaks the chain, or {@code null}
 * @param firstBadSeq its {@code seq} ({@code 0} when none)
 * @param position its 1-based position in the input ({@code 0} when none)
 * @param reason why it breaks the chain, or {@code null}
 * @param anchor where the chain starts: genesis, a checkpoint, or a range's first {@code prev} ({@code null} if unknown)
 */
public record ChainVerdict(
        boolean ok,
        long events,
        String head,
        String by,
        String firstBad,
        long firstBadSeq,
        long position,
        String reason,
        String anchor) {
    public ChainVerdict(
            boolean ok,
            long events,
            String head,
            String by,
            String firstBad,
            long firstBadSeq,
            long position,
            String reason) {
        this(ok, events, head, by, firstBad, firstBadSeq, position, reason, null);
    }
}
