package app.proxyme.domain.port.in;

import app.proxyme.domain.access.SignedIn;
import app.proxyme.domain.policy.Member;
import java.time.Instant;
import java.util.Optional;

/**
 * Use case: pair a phone with a signed-in member, so that it can approve their held suggestions. The member asks for
 * a one-time code (shown as a QR code); whoever holds the code redeems it once, before it expires, for a device token
 * that opens the member's approvals and nothing else. Both steps are audited.
 */
public interface PairDevice {
    /** A code to show, and until when it can be redeemed. The code is secret: never log it. */
    record Pairing(String code, Instant expiresAt) {
        @Override
        public String toString() {
            return "Pairing[expiresAt=" + expiresAt + "]";
        }
    }

    /** A new one-time code for {@code member}. */
    Pairing start(Member member);

    /** A device token for the code's member; empty when the code is unknown, used or expired (or its member gone). */
    Optional<SignedIn> redeem(String code);
}
