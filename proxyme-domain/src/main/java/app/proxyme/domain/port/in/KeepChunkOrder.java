package app.proxyme.domain.port.in;

import app.proxyme.domain.policy.Member;

/**
 * Use case: a member's chunks in a meeting are decided in the order they were accepted, also when their connection
 * moves to another instance (a reconnect through a load balancer).
 */
public interface KeepChunkOrder {
    /**
     * Returns once no chunk of {@code member} in {@code meetingId} that another instance accepted is still open: each
     * is decided there, or — when that instance has stopped — recorded as {@code chunk_abandoned} here. Call it before
     * the first chunk a new connection has decided.
     *
     * @throws app.proxyme.domain.DependencyUnavailableException when the open chunks cannot be read
     */
    void awaitEarlierChunks(Member member, String meetingId);
}
