package app.proxyme.domain.access;

/** What a member may be allowed to do beyond taking part in their own meetings. */
public enum Capability {
    /** Read and change the organisation's policy (roles, members, topics, rules, settings). */
    MANAGE_POLICY("only the organisation's admin may read or change its policy"),
    /** Dry-run the policy for another member of the organisation. */
    EVALUATE_FOR_OTHERS("only an admin may evaluate the policy for another user"),
    /** Read every meeting's record of the organisation, not only those one took part in. */
    READ_ALL_MEETINGS("only an admin or the compliance reviewer may read every meeting"),
    /** Export and verify the organisation's whole audit trail. */
    REVIEW_AUDIT("only an admin or the compliance reviewer may read the whole audit trail"),
    /** List and revoke every share link of the organisation, not only one's own. */
    MANAGE_SHARES("only an admin may list or revoke another member's share links"),
    /** Register and disable the organisation's agents, and revoke a member's grants to them. */
    MANAGE_AGENTS("only the organisation's admin may manage agents or another member's grants"),
    /** Watch the organisation's meetings in progress and every member's pending approvals (the console's Live). */
    WATCH_MEETINGS("only the organisation's admin may watch its meetings live");

    private final String refusal;

    Capability(String refusal) {
        this.refusal = refusal;
    }

    /** Why a member without it is refused, as the caller is told. */
    public String refusal() {
        return refusal;
    }
}
