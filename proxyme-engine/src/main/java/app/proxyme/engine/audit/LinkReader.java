package app.proxyme.engine.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns an exported event into its {@link ChainLink}: canonicalizes it (RFC 8785, without {@code hash}) and hashes it
 * as it is parsed, picking out the fields the chain needs. Reuses its buffers; one per thread.
 */
final class LinkReader {
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

    LinkReader() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The link of the event the parser stands on ({@code START_OBJECT}), its hash recomputed. */
    ChainLink link(JsonParser p) throws IOException {
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
