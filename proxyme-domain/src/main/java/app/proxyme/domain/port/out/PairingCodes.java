package app.proxyme.domain.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * One-time pairing codes as stored (by their hash only, never the code), so that a code is redeemed once across every
 * instance sharing the database.
 */
public interface PairingCodes {
    /** Who a redeemed code stands for. */
    record Holder(String org, String email) {}

    /** Stores a new code's hash for the member, redeemable until {@code expiresAt}. */
    void save(String codeHash, String org, String email, Instant createdAt, Instant expiresAt);

    /**
     * Redeems a code: marks it used at {@code now} and answers its member, if it exists, is unused and has not
     * expired; of concurrent redeemers exactly one gets it.
     */
    Optional<Holder> redeem(String codeHash, Instant now);

    /**
     * Gives a redeemed code back, unused, when what redeeming it should have led to could not happen (its audit event
     * could not be recorded): the member may try the same code again while it lives.
     */
    void release(String codeHash);

    /** Deletes the codes that expired before {@code before}; returns how many. */
    int forgetExpired(Instant before);
}
