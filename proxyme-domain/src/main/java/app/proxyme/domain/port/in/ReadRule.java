package app.proxyme.domain.port.in;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.port.in.ManagePolicy.RuleEntry;

/**
 * Use case: how Proxy Me reads a rule written as a sentence, before anything is stored: the admin sees the effect,
 * topics, phrases and entities it compiles to (against the organisation's own catalogue) and puts it in force only
 * once they agree with that reading. A sentence it cannot read is refused with the reason; nothing is stored or
 * audited either way ({@link ManagePolicy#putRule} stores it).
 */
public interface ReadRule {
    /**
     * The rule entry the sentence compiles to, not in force ({@code enabled: false}).
     *
     * @param id the rule's id
     * @param text the rule as the admin wrote it
     * @param scope org-, role- or user-level
     * @param subject the role or member e-mail it is for; ignored for {@link RuleScope#ORG}
     * @throws app.proxyme.domain.DomainException {@code FORBIDDEN} for a caller who may not manage the policy,
     *     {@code BAD_REQUEST} with the compiler's reason when the sentence cannot be read
     */
    RuleEntry read(Member caller, String id, String text, RuleScope scope, String subject);
}
