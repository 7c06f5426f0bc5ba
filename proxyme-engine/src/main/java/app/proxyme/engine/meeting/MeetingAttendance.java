package app.proxyme.engine.meeting;

import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.JoinMeeting;
import app.proxyme.domain.port.in.SwitchTopics;
import app.proxyme.domain.port.out.MeetingStore;
import app.proxyme.domain.port.out.SuggestionStore;

/** The use case "join a meeting": records the participant and returns what their overlay shows. */
public final class MeetingAttendance implements JoinMeeting {
    private final MeetingStore meetings;
    private final SuggestionStore suggestions;
    private final SwitchTopics switches;

    public MeetingAttendance(MeetingStore meetings, SuggestionStore suggestions, SwitchTopics switches) {
        this.meetings = meetings;
        this.suggestions = suggestions;
        this.switches = switches;
    }

    @Override
    public MeetingState join(Member member, String meetingId) {
        if (meetingId == null || !Chunk.MEETING_ID.matcher(meetingId).matches()) {
            throw app.proxyme.domain.DomainException.badRequest("meeting id must be 1-64 characters of [A-Za-z0-9_-]");
        }
        meetings.join(member.org(), meetingId, member.email());
        return new MeetingState(
                meetingId,
                switches.current(member, meetingId),
                suggestions.inMeeting(member.org(), meetingId, member.email()));
    }
}
