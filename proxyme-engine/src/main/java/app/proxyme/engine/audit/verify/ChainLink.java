package app.proxyme.engine.audit.verify;

/**
 * What chain verification needs of one event.
 *
 * @param id the event's id
 * @param seq its position in the organisation's chain
 * @param meeting its meeting, or {@code null}
 * @param prev the stored link to the previous event of the organisation
 * @param meetingPrev the stored link to the previous event of the meeting, or {@code null}
 * @param hash the stored hash
 * @param actualHash the hash recomputed from the event's content
 * @param checkpoint what a {@code checkpoint} event vouches for, or {@code null}
 * @param revealMatches whether the event's {@code reveal}, if it has one, is the text its {@code detail.textDigest}
 *     commits to
 */
public record ChainLink(
        String id,
        long seq,
        String meeting,
        String prev,
        String meetingPrev,
        String hash,
        String actualHash,
        Checkpoint checkpoint,
        boolean revealMatches) {
    public ChainLink(
            String id,
            long seq,
            String meeting,
            String prev,
            String meetingPrev,
            String hash,
            String actualHash,
            Checkpoint checkpoint) {
        this(id, seq, meeting, prev, meetingPrev, hash, actualHash, checkpoint, true);
    }

    public ChainLink(
            String id, long seq, String meeting, String prev, String meetingPrev, String hash, String actualHash) {
        this(id, seq, meeting, prev, meetingPrev, hash, actualHash, null);
    }

    /**
     * A retention checkpoint: the last pruned event of {@code org}, for each meeting the cut goes through the hash of
     * that meeting's last pruned event, and the signature over them.
     *
     * @param meetings meeting id → hash of its last pruned event ({@code null} for a checkpoint written before
     *     checkpoints named meetings)
     */
    public record Checkpoint(
            String org,
            long lastPrunedSeq,
            String lastPrunedHash,
            java.util.SortedMap<String, String> meetings,
            String keyId,
            String signature) {
        public Checkpoint {
            meetings = meetings == null
                    ? null
                    : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(meetings));
        }
    }
}
