package app.proxyme.engine.audit.seal;

import app.proxyme.engine.audit.verify.ChainCheck;
import app.proxyme.engine.audit.verify.ChainLink;
import app.proxyme.engine.keys.KeyRing;
import app.proxyme.engine.keys.RingKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Signs and checks retention checkpoints with the shared audit keys (RS256): the current key signs, and every key
 * the ring ever had verifies. A checkpoint so signed
 * vouches for the pruned prefix that the remaining chain starts after, and for each meeting the cut goes through,
 * for the hash of that meeting's last pruned event (where the meeting's remaining events start).
 *
 * <p>The signed text is {@code proxyme-checkpoint-v2 NL org NL lastPrunedSeq NL lastPrunedHash NL} followed, for
 * each meeting in UTF-16 code unit order (as RFC 8785 sorts keys), by {@code <length of the id>:<id> SP <hash> NL}.
 * Checkpoints written before they named meetings have no {@code meetings} and were signed over {@code
 * proxyme-checkpoint-v1 NL org NL lastPrunedSeq NL lastPrunedHash}; they still verify.
 */
public final class CheckpointSeal implements ChainCheck.SealCheck {
    private final KeyRing keys;

    /** @param keys the audit keys: the current one signs; none retires, so every checkpoint ever sealed verifies */
    public CheckpointSeal(KeyRing keys) {
        this.keys = keys;
    }

    /** A checkpoint's signature (base64url) and the id of the key that made it. */
    public record Sealed(String keyId, String signature) {}

    /** The public keys as a JWK set (RFC 7517), so that anyone can check checkpoint signatures. */
    public Map<String, Object> publicJwks() {
        return keys.publicJwks();
    }

    /** The signature of a checkpoint naming {@code seq} and {@code hash} of {@code org}, and no meetings. */
    public Sealed sign(String org, long seq, String hash) {
        return sign(text(org, seq, hash, null));
    }

    /**
     * The signature of a checkpoint naming {@code seq} and {@code hash} of {@code org}, and for each meeting the cut
     * goes through the hash of its last pruned event.
     */
    public Sealed sign(String org, long seq, String hash, Map<String, String> meetings) {
        return sign(text(org, seq, hash, new TreeMap<>(meetings)));
    }

    private Sealed sign(byte[] text) {
        RingKey key = keys.signing();
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key.privateKey());
            s.update(text);
            return new Sealed(key.kid(), Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    /** Whether a checkpoint event's detail carries a valid signature of this key for what it names. */
    public boolean verify(String org, Map<String, Object> detail) {
        Object seq = detail.get("lastPrunedSeq");
        Object hash = detail.get("lastPrunedHash");
        Object sig = detail.get("signature");
        if (!(seq instanceof Number n) || hash == null || sig == null) {
            return false;
        }
        TreeMap<String, String> meetings = null;
        if (detail.containsKey("meetings")) {
            if (!(detail.get("meetings") instanceof Map<?, ?> m)) {
                return false;
            }
            meetings = new TreeMap<>();
            for (var e : m.entrySet()) {
                if (!(e.getKey() instanceof String meeting) || !(e.getValue() instanceof String h)) {
                    return false;
                }
                meetings.put(meeting, h);
            }
        }
        byte[] text = text(org, n.longValue(), hash.toString(), meetings);
        return keyOf(detail.get("keyId")).stream().anyMatch(k -> verify(k.publicKey(), text, sig.toString()));
    }

    /** Whether the checkpoint names one of this seal's keys and carries its valid signature (the server's own check). */
    @Override
    public boolean valid(ChainLink.Checkpoint checkpoint) {
        return keys.find(checkpoint.keyId())
                .map(k -> verify(k.publicKey(), checkpoint))
                .orElse(false);
    }

    /** The key a checkpoint names; one that names none was sealed before keys had ids in it: any of the ring's. */
    private java.util.List<RingKey> keyOf(Object keyId) {
        return keyId instanceof String kid ? keys.find(kid).stream().toList() : keys.verifying();
    }

    /** Whether the checkpoint's signature is {@code key}'s over what it names. */
    public static boolean verify(PublicKey key, ChainLink.Checkpoint checkpoint) {
        return verify(
                key,
                text(checkpoint.org(), checkpoint.lastPrunedSeq(), checkpoint.lastPrunedHash(), checkpoint.meetings()),
                checkpoint.signature());
    }

    /** Whether {@code signature} (base64url) is {@code key}'s signature of a checkpoint naming seq and hash only. */
    public static boolean verify(PublicKey key, String org, long seq, String hash, String signature) {
        return verify(key, text(org, seq, hash, null), signature);
    }

    private static boolean verify(PublicKey key, byte[] text, String signature) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(text);
            return signature != null && s.verify(Base64.getUrlDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] text(String org, long seq, String hash, SortedMap<String, String> meetings) {
        if (meetings == null) {
            return ("proxyme-checkpoint-v1\n" + org + "\n" + seq + "\n" + hash).getBytes(StandardCharsets.UTF_8);
        }
        var sb = new StringBuilder("proxyme-checkpoint-v2\n" + org + "\n" + seq + "\n" + hash + "\n");
        meetings.forEach((meeting, h) -> sb.append(meeting.length())
                .append(':')
                .append(meeting)
                .append(' ')
                .append(h)
                .append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
