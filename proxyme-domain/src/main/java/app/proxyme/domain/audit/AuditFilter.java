package app.proxyme.domain.audit;

import app.proxyme.domain.DomainException;
import java.time.Instant;

/**
 * Which audit events a reviewer wants to see; every criterion is optional ({@code null} or blank: any).
 *
 * @param meeting one meeting's events
 * @param member the member the event is about
 * @param topic the topic decided on
 * @param outcome {@code AUTO}, {@code APPROVE}, {@code DENY}, {@code NONE}, ...
 * @param layer the deciding layer ({@code rules}, {@code fga}, ...)
 * @param type the event type
 * @param from the first instant, inclusive
 * @param to the instant after the last, exclusive
 */
public record AuditFilter(
        String meeting,
        String member,
        String topic,
        String outcome,
        String layer,
        AuditType type,
        Instant from,
        Instant to) {
    /** Every event. */
    public static final AuditFilter ANY = new AuditFilter(null, null, null, null, null, null, null, null);

    public AuditFilter {
        meeting = blankToNull(meeting);
        member = blankToNull(member);
        topic = blankToNull(topic);
        outcome = blankToNull(outcome);
        layer = blankToNull(layer);
        if (from != null && to != null && !from.isBefore(to)) {
            throw DomainException.badRequest("the time range is empty: from must be before to");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whether a time range is given. */
    public boolean hasTimeRange() {
        return from != null || to != null;
    }
}
