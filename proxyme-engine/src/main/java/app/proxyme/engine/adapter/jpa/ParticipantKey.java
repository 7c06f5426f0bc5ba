package app.proxyme.engine.adapter.jpa;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of a meeting participant (and, with a topic, of a toggle). */
public class ParticipantKey implements Serializable {
    String org;
    String meetingId;
    String member;

    public ParticipantKey() {}

    ParticipantKey(String org, String meetingId, String member) {
        this.org = org;
        this.meetingId = meetingId;
        this.member = member;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParticipantKey k
                && Objects.equals(org, k.org)
                && Objects.equals(meetingId, k.meetingId)
                && Objects.equals(member, k.member);
    }

    @Override
    public int hashCode() {
        return Objects.hash(org, meetingId, member);
    }
}
