package app.proxyme.engine.audit.seal;

import app.proxyme.domain.audit.ShareGrant;
import app.proxyme.domain.audit.ShareRefused;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed share-link tokens: {@code base64url(org, meeting, expiry, share id) "." base64url(HMAC-SHA256)} under a
 * random 256-bit key kept in the data directory. The share id is random too, so a token can neither be guessed
 * nor altered; the expiry is inside the signed part.
 */
public final class ShareTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    private static final String CONTEXT = "proxyme-share-v1.";

    private final SecretKeySpec key;
    private final Clock clock;

    ShareTokens(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.clock = clock;
    }

    /** Uses {@code dir/share.hmac}, creating a random key (owner-only) on first use. */
    public static ShareTokens loadOrCreate(Path dir, Clock clock) {
        Path file = dir.resolve("share.hmac");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path tmp = Files.createTempFile(dir, "share", ".tmp");
                Files.write(tmp, B64.encode(fresh));
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not POSIX: the data directory's own protection applies
                }
                try {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException lost) {
                    Files.deleteIfExists(tmp); // another process created it first
                }
            }
            return new ShareTokens(UNB64.decode(Files.readString(file).trim()), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("share key " + file + " is unusable", e);
        }
    }

    /** A token for the grant. */
    public String issue(ShareGrant g) {
        String payload = B64.encodeToString(String.join(
                        "\n", g.org(), g.meeting(), Long.toString(g.expiresAt().getEpochSecond()), g.shareId())
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + B64.encodeToString(mac(payload));
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
        if (!MessageDigest.isEqual(mac(payload), signature)) {
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

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((CONTEXT + payload).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
