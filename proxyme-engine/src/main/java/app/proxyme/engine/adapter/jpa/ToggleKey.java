package app.proxyme.engine.adapter.jpa;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of a participant's topic switch in a meeting. */
public class ToggleKey implements Serializable {
    String org;
    String meetingId;
    String member;
    String topic;

    public ToggleKey() {}

    ToggleKey(String org, String meetingId, String member, String topic) {
        this.org = org;
        this.meetingId = meetingId;
        this.member = member;
        this.topic = topic;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToggleKey k
                && Objects.equals(org, k.org)
                && Objects.equals(meetingId, k.meetingId)
                && Objects.equals(member, k.member)
                && Objects.equals(topic, k.topic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(org, meetingId, member, topic);
    }
}
