package app.proxyme.domain.audit;

import app.proxyme.domain.access.Access;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.policy.Member;

/**
 * Which hidden texts of the trail a reader gets: every one (the admin, the compliance reviewer), or only those of
 * events about the reader ({@code user}) — a participant reads the meeting's whole chain, but another participant's
 * chunks and suggestions only as digests.
 *
 * @param member whose texts are revealed; {@code null}: everyone's
 */
public record RevealScope(String member) {
    /** Every text. */
    public static final RevealScope ALL = new RevealScope(null);

    /** What {@code reader} may see. */
    public static RevealScope of(Member reader) {
        return Access.allows(reader, Capability.READ_ALL_MEETINGS) ? ALL : new RevealScope(reader.email());
    }

    /** The record as this reader gets it: with its reveal when it is theirs to see, else without. */
    public AuditRecord apply(AuditRecord record) {
        return member == null || member.equalsIgnoreCase(record.entry().user()) ? record : record.withoutReveal();
    }
}
