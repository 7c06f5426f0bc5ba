package app.proxyme.engine.meeting;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
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
 *
 * <p>Audit first: the {@code toggle} event is durable before the switch is stored (where the next decision and a
 * reconnecting overlay read it); if the append fails, the switch stays as it was and the caller gets the
 * {@code DependencyUnavailableException}. A switch already in the requested position is not recorded again (the
 * check and the change are serialised per participant and meeting in this process). If storing fails after the
 * event was written, a second {@code toggle} event puts the switch back in the trail ({@code detail.undoes} names
 * the first), as far as the trail still takes it, so that the trail's last word matches the stored switch.
 */
public final class TopicSwitches implements SwitchTopics {
    private final PolicyStore policies;
    private final MeetingStore meetings;
    private final AuditLog audit;
    private final ParticipantLocks locks = new ParticipantLocks();

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
        synchronized (locks.of(member, meetingId)) {
            boolean before = !meetings.disabledTopics(member.org(), meetingId, member.email())
                    .contains(topic);
            if (before == enabled) {
                return current(member, meetingId);
            }
            AuditRecord recorded = audit.append(List.of(toggle(member, meetingId, topic, enabled, Map.of())))
                    .get(0);
            try {
                meetings.setTopicEnabled(member.org(), meetingId, member.email(), topic, enabled);
            } catch (RuntimeException e) {
                undo(member, meetingId, topic, before, recorded, e);
                throw e;
            }
        }
        return current(member, meetingId);
    }

    private void undo(
            Member member, String meetingId, String topic, boolean before, AuditRecord undone, RuntimeException e) {
        try {
            audit.append(List.of(toggle(
                    member,
                    meetingId,
                    topic,
                    before,
                    Map.of("undoes", undone.id(), "reason", "the switch could not be stored"))));
        } catch (RuntimeException again) {
            e.addSuppressed(again);
        }
    }

    private static AuditEntry toggle(
            Member member, String meetingId, String topic, boolean enabled, Map<String, Object> more) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("enabled", enabled);
        detail.putAll(more);
        return new AuditEntry(
                AuditType.TOGGLE,
                member.org(),
                meetingId,
                member.email(),
                member.email(),
                topic,
                enabled ? "ON" : "OFF",
                "toggles",
                detail);
    }
}
