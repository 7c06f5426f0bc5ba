package app.proxyme.domain.port.out;

import app.proxyme.domain.aci.Consent;
import app.proxyme.domain.aci.ConsentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Consents asked for mid-chain, kept in the database so that pending ones survive a restart. */
public interface Consents {
    void save(Consent consent);

    Optional<Consent> find(String consentId);

    /**
     * Settles a pending consent, once: the consent as settled, or empty when it was no longer pending (decided
     * elsewhere, expired) — on whichever instance it was settled.
     */
    Optional<Consent> settle(String consentId, ConsentStatus status);

    /** The user's pending consents, oldest first. */
    List<Consent> pending(String org, String user);

    /** Pending consents whose deadline passed. */
    List<Consent> due(Instant now);

    /** Whether the user denied a consent for this agent in this chain (asking again is refused at once). */
    boolean denied(String org, String chainId, String agent);
}
