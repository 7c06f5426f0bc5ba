package app.proxyme.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A text that not every reader of the trail may see (a chunk's or a suggestion's text, a binding message), kept
 * outside the hashed part of its event (PROTOCOL.md). The event commits to it with {@code detail.textDigest}: the
 * hex SHA-256 of the 16 salt bytes followed by the text's UTF-8 bytes; the salt keeps a short text from being
 * guessed from its digest. Readers allowed to see the text get the reveal; the others get the event without it, and
 * the chain verifies either way.
 *
 * @param salt the 16 random bytes, lower-case hex
 * @param text the text
 */
public record Reveal(String salt, String text) {
    /** The key of the digest in an event's {@code detail}. */
    public static final String DIGEST = "textDigest";

    private static final SecureRandom RANDOM = new SecureRandom();

    public Reveal {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(text, "text");
    }

    /** The text with a fresh random salt. */
    public static Reveal of(String text) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new Reveal(HexFormat.of().formatHex(salt), text);
    }

    /** The digest that commits to this text: hex SHA-256 of the salt bytes, then the text's UTF-8 bytes. */
    public String digest() {
        try {
            var sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(HexFormat.of().parseHex(salt));
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return ""; // a salt that is not hex matches no digest
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this reveal is the text {@code digest} commits to. */
    public boolean matches(Object digest) {
        return digest instanceof String d && !d.isEmpty() && d.equals(digest());
    }
}
