package app.proxyme.engine.audit.verify;

import app.proxyme.domain.audit.Reveal;
import app.proxyme.engine.audit.format.CanonicalWriter;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns an exported event into its {@link ChainLink}: canonicalizes it (RFC 8785, without {@code hash} and
 * {@code reveal}) and hashes it as it is parsed, picking out the fields the chain needs, and checks a reveal against
 * the {@code detail.textDigest} it must match. Reuses its buffers; one per thread.
 */
final class LinkReader {
    private final CanonicalWriter canonical = new CanonicalWriter();
    private final CanonicalWriter.Bytes buffer = new CanonicalWriter.Bytes(4096);
    private final MessageDigest sha256;
    private final Fields fields = new Fields();
    private final com.fasterxml.jackson.core.JsonFactory json = new com.fasterxml.jackson.core.JsonFactory();

    /** The top-level fields a link needs, picked out while the event is canonicalized. */
    private static final class Fields implements CanonicalWriter.TopLevel {
        String id;
        long seq;
        String meeting;
        String prev;
        String meetingPrev;
        String hash;
        String org;
        String type;
        String textDigest;
        boolean revealed;
        String salt;
        String text;
        private final CanonicalWriter.TopLevel detail = new CanonicalWriter.TopLevel() {
            @Override
            public boolean omit(String name) {
                return false;
            }

            @Override
            public void scalar(String name, JsonToken token, String value) {
                if (Reveal.DIGEST.equals(name) && token == JsonToken.VALUE_STRING) {
                    textDigest = value;
                }
            }
        };

        void clear() {
            id = meeting = prev = meetingPrev = hash = org = type = textDigest = salt = text = null;
            revealed = false;
            seq = -1;
        }

        @Override
        public boolean omit(String name) {
            return "hash".equals(name) || "reveal".equals(name);
        }

        @Override
        public void omitted(String name, JsonParser p) throws IOException {
            if (!"reveal".equals(name)) {
                p.skipChildren();
                return;
            }
            revealed = true;
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING && ("salt".equals(field) || "text".equals(field))) {
                    if ("salt".equals(field)) {
                        salt = p.getText();
                    } else {
                        text = p.getText();
                    }
                } else {
                    p.skipChildren();
                }
            }
        }

        @Override
        public CanonicalWriter.TopLevel nested(String name) {
            return "detail".equals(name) ? detail : null;
        }

        /** Whether the reveal, if any, is the text the digest commits to. */
        boolean revealMatches() {
            return !revealed || (salt != null && text != null && new Reveal(salt, text).matches(textDigest));
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
                case "org" -> org = text;
                case "type" -> type = text;
                default -> {}
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
        ChainLink.Checkpoint checkpoint = "checkpoint".equals(fields.type) ? checkpoint() : null;
        return new ChainLink(
                orEmpty(fields.id),
                fields.seq,
                fields.meeting,
                orEmpty(fields.prev),
                fields.meetingPrev,
                orEmpty(fields.hash),
                actual,
                checkpoint,
                fields.revealMatches());
    }

    /** What a checkpoint event vouches for, read back from its canonical form (rare: no need to be fast). */
    private ChainLink.Checkpoint checkpoint() throws IOException {
        long seq = -1;
        String hash = null;
        String keyId = null;
        String signature = null;
        java.util.TreeMap<String, String> meetings = null;
        try (JsonParser p = json.createParser(buffer.data(), 0, buffer.length())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"detail".equals(name) || value != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (field) {
                        case "lastPrunedSeq" -> seq = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
                        case "lastPrunedHash" -> hash = p.getValueAsString();
                        case "keyId" -> keyId = p.getValueAsString();
                        case "signature" -> signature = p.getValueAsString();
                        case "meetings" -> meetings = meetings(p, v);
                        default -> p.skipChildren();
                    }
                }
            }
        }
        return seq < 1 || hash == null
                ? null
                : new ChainLink.Checkpoint(fields.org, seq, hash, meetings, keyId, signature);
    }

    /** A checkpoint's {@code meetings}: meeting id → hash; anything else in it makes the whole map unusable. */
    private static java.util.TreeMap<String, String> meetings(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        var meetings = new java.util.TreeMap<String, String>();
        boolean valid = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String meeting = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_STRING) {
                meetings.put(meeting, p.getText());
            } else {
                p.skipChildren();
                valid = false;
            }
        }
        return valid ? meetings : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
