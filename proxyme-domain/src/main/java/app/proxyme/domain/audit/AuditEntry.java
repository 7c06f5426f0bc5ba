package app.proxyme.domain.audit;

import app.proxyme.domain.policy.OrgId;
import java.util.Map;
import java.util.Objects;

/**
 * Something to record, before the audit log gives it its place in the chain.
 *
 * @param type what happened
 * @param org the organisation whose chain it joins
 * @param meeting the meeting, or {@code null}
 * @param user the user it concerns, or {@code null}
 * @param actor who acted: {@code engine}, a user's email, an agent id
 * @param topic the topic, or {@code null}
 * @param outcome the outcome or status, or {@code null}
 * @param layer the deciding layer, or {@code null}
 * @param detail further facts; values are strings, numbers, booleans, lists or maps of them
 * @param reveal a text kept outside the hashed part, committed to by {@code detail.textDigest}; or {@code null}
 */
public record AuditEntry(
        AuditType type,
        String org,
        String meeting,
        String user,
        String actor,
        String topic,
        String outcome,
        String layer,
        Map<String, Object> detail,
        Reveal reveal) {
    /** An entry without a hidden text. */
    public AuditEntry(
            AuditType type,
            String org,
            String meeting,
            String user,
            String actor,
            String topic,
            String outcome,
            String layer,
            Map<String, Object> detail) {
        this(type, org, meeting, user, actor, topic, outcome, layer, detail, null);
    }

    /**
     * An entry whose {@code text} is hidden from readers who may not see it: {@code detail} gets its
     * {@code textDigest}, the entry its reveal.
     */
    public static AuditEntry withHiddenText(
            AuditType type,
            String org,
            String meeting,
            String user,
            String actor,
            String topic,
            String outcome,
            String layer,
            Map<String, Object> detail,
            String text) {
        Reveal reveal = Reveal.of(text);
        var committed = new java.util.LinkedHashMap<>(detail);
        committed.put(Reveal.DIGEST, reveal.digest());
        return new AuditEntry(type, org, meeting, user, actor, topic, outcome, layer, committed, reveal);
    }

    /** The same entry without its reveal (what a reader who may not see the text gets). */
    public AuditEntry withoutReveal() {
        return reveal == null ? this : new AuditEntry(type, org, meeting, user, actor, topic, outcome, layer, detail);
    }

    public AuditEntry {
        Objects.requireNonNull(type, "type");
        OrgId.require(org);
        Objects.requireNonNull(actor, "actor");
        detail = detail == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(detail));
    }
}
