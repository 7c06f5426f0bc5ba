package app.proxyme.domain.port.out;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import java.util.Optional;

/** Organisations' members and policies. */
public interface PolicyStore {
    /** The member with this email, in whichever organisation they belong to. */
    Optional<Member> member(String email);

    /**
     * The member an identity provider knows by {@code subject} (a token's {@code sub}): the member whose policy names
     * that subject, or a member without a subject of their own whose default subject ({@code auth0|<email>}) it is.
     */
    Optional<Member> memberBySubject(String subject);

    /**
     * The identity-provider subject of the member with this email (an out-of-band approval is addressed to it): the one
     * their policy names, else the default one; empty for no member. A store that keeps subjects of its own overrides
     * this.
     */
    default Optional<String> subjectOf(String email) {
        return member(email).map(m -> defaultSubject(m.email()));
    }

    /** The default identity-provider subject of a member without one of their own. */
    static String defaultSubject(String email) {
        return "auth0|" + email;
    }

    /** The policy of an organisation. */
    OrgPolicy policy(String org);
}
