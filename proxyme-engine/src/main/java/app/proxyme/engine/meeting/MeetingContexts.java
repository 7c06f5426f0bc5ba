package app.proxyme.engine.meeting;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.policy.ContextPolicy;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.SetMeetingContext;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.MeetingStore;
import app.proxyme.domain.port.out.PolicyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The use case "set my meeting values": checked against the organisation's declarations (a name it does not declare,
 * or a value of the wrong type, is a {@code bad_request} naming the field, and nothing changes), then recorded, then
 * stored, where the next decision reads them.
 *
 * <p>Audit first: the {@code context_set} event (the values set and the values now in force) is durable before the
 * values are stored; if the append fails, nothing changes. If storing fails after the event was written, a second
 * {@code context_set} event puts the former values back in the trail ({@code detail.undoes} names the first). The
 * same values again are not recorded again.
 */
public final class MeetingContexts implements SetMeetingContext {
    private final PolicyStore policies;
    private final MeetingStore meetings;
    private final AuditLog audit;
    private final ParticipantLocks locks = new ParticipantLocks();

    public MeetingContexts(PolicyStore policies, MeetingStore meetings, AuditLog audit) {
        this.policies = policies;
        this.meetings = meetings;
        this.audit = audit;
    }

    @Override
    public Map<String, Object> current(Member member, String meetingId) {
        return meetings.context(member.org(), meetingId, member.email());
    }

    @Override
    public Map<String, String> declared(Member member) {
        return policies.policy(member.org()).context().declared();
    }

    @Override
    public Map<String, Object> set(Member member, String meetingId, Map<String, ?> values) {
        ContextPolicy policy = policies.policy(member.org()).context();
        Map<String, Object> checked;
        try {
            checked = policy.check(values, "values");
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest(e.getMessage());
        }
        synchronized (locks.of(member, meetingId)) {
            Map<String, Object> before = stillValid(policy, current(member, meetingId));
            var after = new LinkedHashMap<>(before);
            checked.forEach((name, value) -> {
                if (value == null) {
                    after.remove(name);
                } else {
                    after.put(name, value);
                }
            });
            if (after.equals(before)) {
                return before;
            }
            AuditRecord recorded = audit.append(List.of(contextSet(member, meetingId, checked, after, Map.of())))
                    .get(0);
            try {
                meetings.setContext(member.org(), meetingId, member.email(), after);
            } catch (RuntimeException e) {
                undo(member, meetingId, before, recorded, e);
                throw e;
            }
            return Map.copyOf(after);
        }
    }

    /** The stored values the policy still declares, typed as {@link ContextPolicy#check} types them. */
    private static Map<String, Object> stillValid(ContextPolicy policy, Map<String, Object> stored) {
        var valid = new LinkedHashMap<String, Object>();
        stored.forEach((name, value) -> {
            try {
                valid.putAll(policy.check(java.util.Collections.singletonMap(name, value), "values"));
            } catch (IllegalArgumentException e) {
                // declared no more, or with another type: dropped with the next change
            }
        });
        return valid;
    }

    private void undo(
            Member member, String meetingId, Map<String, Object> before, AuditRecord undone, RuntimeException e) {
        try {
            audit.append(List.of(contextSet(
                    member,
                    meetingId,
                    Map.of(),
                    before,
                    Map.of("undoes", undone.id(), "reason", "the values could not be stored"))));
        } catch (RuntimeException again) {
            e.addSuppressed(again);
        }
    }

    private static AuditEntry contextSet(
            Member member,
            String meetingId,
            Map<String, Object> set,
            Map<String, Object> now,
            Map<String, Object> more) {
        var changed = new LinkedHashMap<String, Object>();
        set.forEach((k, v) -> changed.put(k, Objects.requireNonNullElse(v, "(cleared)")));
        var detail = new LinkedHashMap<String, Object>();
        detail.put("set", changed);
        detail.put("values", new LinkedHashMap<>(now));
        detail.putAll(more);
        return new AuditEntry(
                AuditType.CONTEXT_SET,
                member.org(),
                meetingId,
                member.email(),
                member.email(),
                null,
                null,
                null,
                detail);
    }
}
