package app.proxyme.domain.access;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.policy.Member;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what, decided in one place: the organisation admin ({@code org_admin}) may do everything, the
 * compliance reviewer ({@code compliance_reviewer}) may read and review, every other member only acts on their
 * own meetings and approvals. Use cases ask here instead of comparing role names.
 */
public final class Access {
    private static final Map<String, Set<Capability>> BY_ROLE = Map.of(
            Member.ORG_ADMIN, EnumSet.allOf(Capability.class),
            Member.COMPLIANCE_REVIEWER, EnumSet.of(Capability.READ_ALL_MEETINGS, Capability.REVIEW_AUDIT));

    private Access() {}

    /** Whether {@code member} holds {@code capability}. */
    public static boolean allows(Member member, Capability capability) {
        return BY_ROLE.getOrDefault(member.role(), Set.of()).contains(capability);
    }

    /** @throws DomainException {@code FORBIDDEN} with the capability's refusal when the member lacks it */
    public static void require(Member member, Capability capability) {
        if (!allows(member, capability)) {
            throw DomainException.forbidden(capability.refusal());
        }
    }
}
