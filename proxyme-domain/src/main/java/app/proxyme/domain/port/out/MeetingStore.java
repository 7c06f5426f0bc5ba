package app.proxyme.domain.port.out;

import java.util.Map;
import java.util.Set;

/** Meetings, their participants, and each participant's topic switches. Meeting ids are scoped to an org. */
public interface MeetingStore {
    /** Records that {@code user} takes part in the meeting, creating it on first use. */
    void join(String org, String meetingId, String user);

    boolean isParticipant(String org, String meetingId, String user);

    boolean exists(String org, String meetingId);

    /** The topics {@code user} switched off in this meeting. */
    Set<String> disabledTopics(String org, String meetingId, String user);

    void setTopicEnabled(String org, String meetingId, String user, String topic, boolean enabled);

    /** The meeting values {@code user} set for this meeting ({@code deal_size}: 30000), checked when they were set. */
    Map<String, Object> context(String org, String meetingId, String user);

    /** Replaces the meeting values of {@code user} in this meeting. */
    void setContext(String org, String meetingId, String user, Map<String, Object> values);
}
