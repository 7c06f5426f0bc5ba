package app.proxyme.domain.port.in;

import app.proxyme.domain.policy.Member;
import java.util.Map;

/** Use case: a participant's own per-meeting topic switches, which can only restrict. */
public interface SwitchTopics {
    /** Every topic of the member's organisation with whether it is on for them in this meeting. */
    Map<String, Boolean> current(Member member, String meetingId);

    /**
     * Switches a topic on or off, audited; returns the switches as they now are.
     *
     * @throws app.proxyme.domain.DomainException {@code BAD_REQUEST} for a topic not in the catalogue
     */
    Map<String, Boolean> set(Member member, String meetingId, String topic, boolean enabled);
}
