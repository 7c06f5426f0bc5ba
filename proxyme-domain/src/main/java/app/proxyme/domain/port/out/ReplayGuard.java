package app.proxyme.domain.port.out;

import java.time.Instant;

/** Envelope ids already seen (ACI.md check 4), shared by every instance of the gateway. */
public interface ReplayGuard {
    /**
     * Records the id; true when it had not been seen in the organisation. It may be forgotten after
     * {@code keepUntil}, when its timestamp is out of the accepted window anyway.
     */
    boolean firstSeen(String org, String envelopeId, Instant keepUntil);
}
