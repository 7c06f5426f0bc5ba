package app.proxyme.domain.aci;

/** The user's answer to a consent (ACI.md "Dynamic consent"). */
public enum ConsentDecision {
    /** Grant kept. */
    ALLOW,
    /** This hop only. */
    ALLOW_ONCE,
    /** Hop refused; asking again in the same chain is refused at once. */
    DENY;

    /** The consent's status once decided so. */
    public ConsentStatus status() {
        return switch (this) {
            case ALLOW -> ConsentStatus.ALLOWED;
            case ALLOW_ONCE -> ConsentStatus.ALLOWED_ONCE;
            case DENY -> ConsentStatus.DENIED;
        };
    }
}
