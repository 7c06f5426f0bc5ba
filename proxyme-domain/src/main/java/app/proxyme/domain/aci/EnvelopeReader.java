package app.proxyme.domain.aci;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an envelope from its JSON tree (maps, lists, strings, numbers, booleans): check 1, {@code schema}. Every
 * violation is a {@code 422 invalid_envelope} that names its field; unknown fields are ignored (extend, never break).
 */
public final class EnvelopeReader {
    private static final Set<String> TOP = Set.of("aci", "id", "ts", "chainId", "auth", "content");

    private EnvelopeReader() {}

    /** The envelope of the tree; its {@code sig} is read by {@link #signature}. The sender's PII marks are dropped. */
    public static Envelope read(Map<String, Object> tree) {
        return read(tree, false);
    }

    /** An envelope the gateway itself stored (a delivery, a consent's hop): its PII marks are kept. */
    public static Envelope readStored(Map<String, Object> tree) {
        return read(tree, true);
    }

    private static Envelope read(Map<String, Object> tree, boolean keepPii) {
        for (String field : TOP) {
            if (!tree.containsKey(field)) {
                throw HandoffRefused.invalid(field, "required");
            }
        }
        if (!Envelope.VERSION.equals(tree.get("aci"))) {
            throw HandoffRefused.invalid("aci", "must be \"1.0\"");
        }
        Map<String, Object> auth = object(tree, "auth", "auth");
        Map<String, Object> content = object(tree, "content", "content");
        Map<String, Object> safety = tree.get("safety") == null ? Map.of() : object(tree, "safety", "safety");
        var hopAuth = new HopAuth(
                string(auth, "org", "auth.org"),
                string(auth, "user", "auth.user"),
                string(auth, "from", "auth.from"),
                string(auth, "to", "auth.to"),
                strings(auth, "permissions", "auth.permissions"),
                auth.get("reason") == null ? null : string(auth, "reason", "auth.reason"),
                strings(auth, "chain", "auth.chain"),
                integer(auth, "maxDepth", "auth.maxDepth"),
                string(auth, "tokenRef", "auth.tokenRef"));
        Double confidence =
                content.get("confidence") == null ? null : number(content, "confidence", "content.confidence");
        var body = new EnvelopeContent(
                string(content, "primary", "content.primary"),
                content.get("context") == null ? null : string(content, "context", "content.context"),
                confidence);
        List<String> redlines =
                safety.get("redlines") == null ? List.of() : strings(safety, "redlines", "safety.redlines");
        return new Envelope(
                string(tree, "id", "id"),
                instant(string(tree, "ts", "ts")),
                string(tree, "chainId", "chainId"),
                hopAuth,
                tree.get("resonance") == null ? Map.of() : object(tree, "resonance", "resonance"),
                body,
                // the sender's PII marks are not trusted: the gateway detects again (check 10)
                new EnvelopeSafety(keepPii ? pii(safety) : List.of(), redlines));
    }

    /** The envelope's {@code sig}: a JWS compact serialization with a detached payload ({@code header..signature}). */
    public static String signature(Map<String, Object> tree) {
        String sig = string(tree, "sig", "sig");
        if (!sig.matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+")) {
            throw HandoffRefused.invalid("sig", "a JWS compact serialization with a detached payload");
        }
        return sig;
    }

    private static List<PiiSpan> pii(Map<String, Object> safety) {
        var spans = new ArrayList<PiiSpan>();
        if (safety.get("pii") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    spans.add(new PiiSpan(
                            PiiType.fromWire(String.valueOf(m.get("type"))),
                            String.valueOf(m.get("field")),
                            ((Number) m.get("start")).intValue(),
                            ((Number) m.get("end")).intValue()));
                }
            }
        }
        return spans;
    }

    private static Instant instant(String ts) {
        try {
            return Instant.parse(ts);
        } catch (DateTimeParseException e) {
            throw HandoffRefused.invalid("ts", "an RFC 3339 UTC time");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> m, String key, String field) {
        if (m.get(key) instanceof Map<?, ?> o) {
            return (Map<String, Object>) o;
        }
        throw HandoffRefused.invalid(field, "must be an object");
    }

    private static String string(Map<String, Object> m, String key, String field) {
        if (m.get(key) instanceof String s) {
            return s;
        }
        throw HandoffRefused.invalid(field, "must be a string");
    }

    private static List<String> strings(Map<String, Object> m, String key, String field) {
        if (m.get(key) instanceof List<?> l) {
            var out = new ArrayList<String>();
            for (Object o : l) {
                if (!(o instanceof String s)) {
                    throw HandoffRefused.invalid(field, "must be a list of strings");
                }
                out.add(s);
            }
            return out;
        }
        throw HandoffRefused.invalid(field, "must be a list of strings");
    }

    private static int integer(Map<String, Object> m, String key, String field) {
        if (m.get(key) instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1000) {
            return n.intValue();
        }
        throw HandoffRefused.invalid(field, "must be an integer");
    }

    private static double number(Map<String, Object> m, String key, String field) {
        if (m.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw HandoffRefused.invalid(field, "must be a number");
    }
}
