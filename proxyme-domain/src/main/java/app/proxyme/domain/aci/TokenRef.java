package app.proxyme.domain.aci;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A token reference as the server keeps it (ACI.md {@code auth.tokenRef}): bound to an organisation, a user, an agent
 * and a chain, scoped to permissions, with an expiry; {@code revoked} names the revocation that ended it, if any.
 * It also remembers the red lines and depth limit of the hop that issued it: a later hop may only tighten them.
 */
public record TokenRef(
        String ref,
        String org,
        String user,
        String agent,
        String chainId,
        List<String> permissions,
        List<String> redlines,
        int maxDepth,
        Instant expiresAt,
        String revoked) {
    public TokenRef {
        Objects.requireNonNull(ref, "ref");
        permissions = List.copyOf(permissions);
        redlines = List.copyOf(redlines);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean live(Instant now) {
        return revoked == null && now.isBefore(expiresAt);
    }
}
