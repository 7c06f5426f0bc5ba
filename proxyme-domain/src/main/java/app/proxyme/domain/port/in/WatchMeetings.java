package app.proxyme.domain.port.in;

import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.policy.Member;
import java.util.List;
import java.util.function.Consumer;

/**
 * Use case: an organisation's admin watches its meetings in progress — who is connected to each, and every chunk's
 * flow steps and decision as they happen — and every member's pending approvals. Meetings and their events are
 * those of the connections to this instance; pending approvals are read from the store, so they are every
 * instance's. Never another organisation's.
 */
public interface WatchMeetings {
    /**
     * The caller's organisation's meetings with an overlay connected to this instance, by meeting id.
     *
     * @throws app.proxyme.domain.DomainException {@code FORBIDDEN} unless the caller may watch meetings
     */
    List<LiveMeeting> inProgress(Member caller);

    /**
     * Every member's pending approvals in the caller's organisation, oldest first.
     *
     * @throws app.proxyme.domain.DomainException {@code FORBIDDEN} unless the caller may watch meetings
     */
    List<Suggestion> pendingApprovals(Member caller);

    /**
     * Tells {@code listener} every event of the caller's organisation's meetings on this instance (a connection
     * joining or leaving, a chunk's flow step, its decision) until the returned watch is closed. The listener is
     * called on the threads that decide the chunks: it must return quickly and not throw.
     *
     * @throws app.proxyme.domain.DomainException {@code FORBIDDEN} unless the caller may watch meetings
     */
    Watch watch(Member caller, Consumer<LiveEvent> listener);

    /** Ends a {@link #watch}; closing it twice is harmless. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** A meeting in progress and the members connected to it, sorted. */
    record LiveMeeting(String meetingId, List<String> connected) {
        public LiveMeeting {
            connected = List.copyOf(connected);
        }
    }

    /** What an event is. */
    enum Kind {
        JOINED,
        LEFT,
        FLOW,
        DECISION
    }

    /**
     * One event of a meeting in progress.
     *
     * @param kind what happened
     * @param meetingId the meeting
     * @param user the member whose connection or chunk it is
     * @param seq the chunk's {@code seq} (0 for a join or leave)
     * @param step the flow step's wire name ({@code token_vault}, ... {@code audit}), {@code decision}, or empty
     * @param outcome the step's detail in short ({@code topic=pricing}), or the decision's outcome and layer
     *     ({@code DENY by fga})
     * @param millis the step's duration in milliseconds (0 for a decision, join or leave)
     */
    record LiveEvent(Kind kind, String meetingId, String user, long seq, String step, String outcome, double millis) {}
}
