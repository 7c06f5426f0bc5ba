package app.proxyme.engine.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Verifies a JSON Lines audit export as it streams by: each event is canonicalized (RFC 8785, without its
 * {@code hash}) and hashed as it is parsed, then checked as a link of the chain. Memory stays flat whatever the
 * size of the export. Needs only jackson-core and the JDK, so that the command-line verifier starts fast.
 */
public final class AuditStreamVerifier {
    private final JsonFactory json = new JsonFactory();
    private final CanonicalWriter canonical = new CanonicalWriter();
    private final CanonicalWriter.Bytes buffer = new CanonicalWriter.Bytes(4096);
    private final MessageDigest sha256;
    private final Fields fields = new Fields();

    /** The top-level fields a link needs, picked out while the event is canonicalized. */
    private static final class Fields implements CanonicalWriter.TopLevel {
        String id;
        long seq;
        String meeting;
        String prev;
        String meetingPrev;
        String hash;

        void clear() {
            id = meeting = prev = meetingPrev = hash = null;
            seq = -1;
        }

        @Override
        public boolean omit(String name) {
            return "hash".equals(name);
        }

        @Override
        public void scalar(String name, JsonToken token, String text) {
            switch (name) {
                case "id" -> id = text;
                case "seq" -> seq = token == JsonToken.VALUE_NUMBER_INT ? parseSeq(text) : -1;
                case "meeting" -> meeting = text;
                case "prev" -> prev = text;
                case "meetingPrev" -> meetingPrev = text;
                case "hash" -> hash = text;
                default -> { }
            }
        }

        private static long parseSeq(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    public AuditStreamVerifier() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the export to its end (or to the first line that is not an event) and returns the verdict.
     *
     * @param expectedHead the hash the last event must have, or {@code null}
     * @throws IOException when the stream cannot be read
     */
    public ChainVerdict verify(InputStream in, ChainCheck.Mode mode, String expectedHead) throws IOException {
        var check = new ChainCheck(mode);
        long position = 0;
        try (JsonParser p = json.createParser(in)) {
            JsonToken t;
            while (true) {
                try {
                    t = p.nextToken();
                    if (t == null) {
                        break;
                    }
                    position++;
                    check.accept(link(p));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    return unreadable(position, e.getOriginalMessage());
                } catch (CanonicalWriter.Invalid e) {
                    return unreadable(position, e.getMessage());
                }
            }
        }
        return check.verdict(expectedHead);
    }

    private static ChainVerdict unreadable(long position, String why) {
        return new ChainVerdict(false, position, null, null, null, 0, position,
                "event " + position + " is not a valid JSON event: " + why);
    }

    /** The link of the event the parser stands on, its hash recomputed. */
    private ChainLink link(JsonParser p) throws IOException {
        fields.clear();
        buffer.clear();
        canonical.object(p, buffer, fields);
        sha256.update(buffer.data(), 0, buffer.length());
        String actual = HexFormat.of().formatHex(sha256.digest());
        return new ChainLink(orEmpty(fields.id), fields.seq, fields.meeting, orEmpty(fields.prev),
                fields.meetingPrev, orEmpty(fields.hash), actual);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
