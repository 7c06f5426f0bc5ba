package app.proxyme.domain.aci;

import java.util.List;

/**
 * The {@code auth} block of an envelope: for whom (org, user), who hands to whom, what the receiver is asked to hold,
 * why, the agents that held the work so far, the depth limit and the sender's token reference.
 */
public record HopAuth(
        String org,
        String user,
        String from,
        String to,
        List<String> permissions,
        String reason,
        List<String> chain,
        int maxDepth,
        String tokenRef) {
    /** The most permissions one hop may ask for. */
    public static final int MAX_PERMISSIONS = 32;

    public HopAuth {
        if (org == null || !org.matches("[a-z][a-z0-9-]{0,39}")) {
            throw HandoffRefused.invalid("auth.org", "not an organisation id");
        }
        if (user == null || !user.matches("[^@\\s]{1,200}@[^@\\s]{1,200}")) {
            throw HandoffRefused.invalid("auth.user", "not an e-mail address");
        }
        if (!AgentId.valid(from)) {
            throw HandoffRefused.invalid("auth.from", "not an agent id");
        }
        if (!AgentId.valid(to)) {
            throw HandoffRefused.invalid("auth.to", "not an agent id");
        }
        permissions = List.copyOf(permissions);
        if (permissions.size() > MAX_PERMISSIONS
                || permissions.stream().anyMatch(p -> !p.matches("[a-z][a-z0-9_.:-]{0,119}"))) {
            throw HandoffRefused.invalid("auth.permissions", "permission names are [a-z][a-z0-9_.:-]*, at most 32");
        }
        if (permissions.stream().distinct().count() != permissions.size()) {
            throw HandoffRefused.invalid("auth.permissions", "a permission is named twice");
        }
        if (reason != null && reason.length() > 1000) {
            throw HandoffRefused.invalid("auth.reason", "at most 1000 characters");
        }
        chain = List.copyOf(chain);
        if (chain.isEmpty()
                || chain.stream().anyMatch(a -> !AgentId.valid(a))
                || !chain.getLast().equals(from)) {
            throw HandoffRefused.invalid("auth.chain", "the agents so far, origin first, ending with from");
        }
        if (maxDepth < 1) {
            throw HandoffRefused.invalid("auth.maxDepth", "at least 1");
        }
        if (tokenRef == null || !tokenRef.matches("tr_[A-Za-z0-9_-]{8,120}")) {
            throw HandoffRefused.invalid("auth.tokenRef", "a token reference tr_…");
        }
    }

    /** The hop's depth: the length of the chain so far. */
    public int depth() {
        return chain.size();
    }

    /** The same block with another token reference and redacted nothing else (what the receiver gets). */
    public HopAuth withTokenRef(String ref) {
        return new HopAuth(org, user, from, to, permissions, reason, chain, maxDepth, ref);
    }
}
