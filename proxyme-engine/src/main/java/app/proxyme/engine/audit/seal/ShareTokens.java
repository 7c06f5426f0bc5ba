package app.proxyme.engine.audit.seal;

import app.proxyme.domain.audit.ShareGrant;
import app.proxyme.domain.audit.ShareRefused;
import app.proxyme.engine.keys.KeyRing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed share-link tokens: {@code base64url(org, meeting, expiry, share id) "." base64url(HMAC-SHA256)} under a
 * random 256-bit secret of the shared share-link key ring, so that a link made on one instance opens on every other. The share id is random too, so a token can neither be guessed
 * nor altered; the expiry is inside the signed part.
 */
public final class ShareTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    private static final String CONTEXT = "proxyme-share-v1.";

    private final KeyRing keys;
    private final Clock clock;

    /** @param keys the share-link secrets (HMAC): the current one signs, every one not yet retired verifies */
    public ShareTokens(KeyRing keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A token for the grant. */
    public String issue(ShareGrant g) {
        String payload = B64.encodeToString(String.join(
                        "\n", g.org(), g.meeting(), Long.toString(g.expiresAt().getEpochSecond()), g.shareId())
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + B64.encodeToString(mac(keys.signing().secret(), payload));
    }

    /**
     * The grant of a token.
     *
     * @throws ShareRefused {@code FORGED} for anything not signed by this key, {@code EXPIRED} after its expiry
     */
    public ShareGrant check(String token) {
        if (token == null || token.length() > 1000) {
            throw new ShareRefused(ShareRefused.Reason.FORGED);
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            throw new ShareRefused(ShareRefused.Reason.FORGED);
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        try {
            signature = UNB64.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new ShareRefused(ShareRefused.Reason.FORGED);
        }
        // a link names no key: it may be any secret that still verifies (a few at most)
        byte[] sig = signature;
        if (keys.verifying().stream().noneMatch(k -> MessageDigest.isEqual(mac(k.secret(), payload), sig))) {
            throw new ShareRefused(ShareRefused.Reason.FORGED);
        }
        String[] parts = new String(UNB64.decode(payload), StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 4) {
            throw new ShareRefused(ShareRefused.Reason.FORGED);
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        if (!clock.instant().isBefore(expiresAt)) {
            throw new ShareRefused(ShareRefused.Reason.EXPIRED);
        }
        return new ShareGrant(parts[0], parts[1], expiresAt, parts[3]);
    }

    private static byte[] mac(SecretKeySpec key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((CONTEXT + payload).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
