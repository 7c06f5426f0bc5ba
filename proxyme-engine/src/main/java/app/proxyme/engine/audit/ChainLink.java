package app.proxyme.engine.audit;

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
 */
public record ChainLink(String id, long seq, String meeting, String prev, String meetingPrev, String hash,
        String actualHash) {}
