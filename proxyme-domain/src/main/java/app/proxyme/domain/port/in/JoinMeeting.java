package app.proxyme.domain.port.in;

import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.policy.Member;
import java.util.List;
import java.util.Map;

/** Use case: a participant joins (or rejoins) a meeting and gets what their overlay needs to show. */
public interface JoinMeeting {
    /** Records the member as a participant, creating the meeting on first use. */
    MeetingState join(Member member, String meetingId);

    /**
     * What a (re)connecting overlay shows.
     *
     * @param toggles every topic with whether it is on for the member in this meeting
     * @param suggestions the member's suggestions in this meeting, oldest first
     */
    record MeetingState(String meetingId, Map<String, Boolean> toggles, List<Suggestion> suggestions) {
        public MeetingState {
            toggles = Map.copyOf(toggles);
            suggestions = List.copyOf(suggestions);
        }
    }
}
