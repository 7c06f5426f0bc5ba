package app.proxyme.domain.policy;

/** Who a natural-language rule applies to. */
public enum RuleScope {
    ORG,
    ROLE,
    USER
}
