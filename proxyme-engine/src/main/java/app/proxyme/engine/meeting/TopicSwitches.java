package app.proxyme.engine.meeting;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.in.SwitchTopics;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.MeetingStore;
import app.proxyme.domain.port.out.PolicyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The use case "switch a topic on or off for this meeting": the participant's own category toggles, which can
 * only restrict (a topic switched off is at most {@code APPROVE}). Every change is recorded.
 */
public final class TopicSwitches implements SwitchTopics {
    private final PolicyStore policies;
    private final MeetingStore meetings;
    private final AuditLog audit;

    public TopicSwitches(PolicyStore policies, MeetingStore meetings, AuditLog audit) {
        this.policies = policies;
        this.meetings = meetings;
        this.audit = audit;
    }

    /** Every topic of the member's organisation with whether it is on for them in this meeting. */
    @Override
    public Map<String, Boolean> current(Member member, String meetingId) {
        Set<String> off = meetings.disabledTopics(member.org(), meetingId, member.email());
        var state = new LinkedHashMap<String, Boolean>();
        for (Topic t : policies.policy(member.org()).catalog().topics()) {
            state.put(t.id(), !off.contains(t.id()));
        }
        return state;
    }

    /**
     * @throws DomainException {@code BAD_REQUEST} for a topic not in the organisation's catalogue
     */
    @Override
    public Map<String, Boolean> set(Member member, String meetingId, String topic, boolean enabled) {
        if (!policies.policy(member.org()).catalog().contains(topic)) {
            throw DomainException.badRequest("unknown topic '" + topic + "'");
        }
        meetings.setTopicEnabled(member.org(), meetingId, member.email(), topic, enabled);
        audit.append(List.of(new AuditEntry(
                AuditType.TOGGLE,
                member.org(),
                meetingId,
                member.email(),
                member.email(),
                topic,
                enabled ? "ON" : "OFF",
                "toggles",
                Map.of("enabled", enabled))));
        return current(member, meetingId);
    }
}
