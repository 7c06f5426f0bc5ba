package app.proxyme.domain.aci;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A grant asked for mid-chain: the hop waits until the user answers or the deadline passes. It keeps the hop's
 * envelope as received (signed and checked up to the permissions), so the remaining checks run once it is given.
 *
 * @param agent the agent that would receive the data ({@code to})
 * @param missing the permissions asked for
 * @param envelope the hop's envelope, checked through step 8
 */
public record Consent(
        String consentId,
        String handoffId,
        String org,
        String user,
        String chainId,
        String agent,
        List<String> missing,
        String reason,
        ConsentStatus status,
        Instant expiresAt,
        Envelope envelope) {
    public Consent {
        Objects.requireNonNull(consentId, "consentId");
        Objects.requireNonNull(handoffId, "handoffId");
        missing = List.copyOf(missing);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(envelope, "envelope");
    }
}
