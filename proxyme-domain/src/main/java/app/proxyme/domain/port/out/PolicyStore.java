package app.proxyme.domain.port.out;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import java.util.Optional;

/** Organisations' members and policies. */
public interface PolicyStore {
    /** The member with this email, in whichever organisation they belong to. */
    Optional<Member> member(String email);

    /** The policy of an organisation. */
    OrgPolicy policy(String org);
}
