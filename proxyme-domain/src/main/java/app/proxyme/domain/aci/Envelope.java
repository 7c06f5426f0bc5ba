package app.proxyme.domain.aci;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ACI v1 envelope without its signature (ACI.md "Envelope v1"). {@link #toMap()} is its JSON tree, whose RFC 8785
 * canonical form is what {@code sig} signs; {@link EnvelopeReader} reads one from a JSON tree with ACI.md's errors.
 *
 * @param id unique per envelope (a UUID)
 * @param ts when the sender made it (whole seconds on the wire are not required)
 * @param chainId the chain, {@code ch_…}
 * @param resonance how the work should sound; passed on unchanged
 */
public record Envelope(
        String id,
        Instant ts,
        String chainId,
        HopAuth auth,
        Map<String, Object> resonance,
        EnvelopeContent content,
        EnvelopeSafety safety) {
    public static final String VERSION = "1.0";
    /** The largest envelope the gateway reads, in bytes of UTF-8. */
    public static final int MAX_BYTES = 64 * 1024;

    public Envelope {
        if (id == null || !id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw HandoffRefused.invalid("id", "a UUID");
        }
        Objects.requireNonNull(ts, "ts");
        if (chainId == null || !chainId.matches("ch_[A-Za-z0-9_-]{4,80}")) {
            throw HandoffRefused.invalid("chainId", "a chain id ch_…");
        }
        Objects.requireNonNull(auth, "auth");
        resonance =
                resonance == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resonance));
        Objects.requireNonNull(content, "content");
        safety = safety == null ? new EnvelopeSafety(List.of(), List.of()) : safety;
    }

    /** The envelope a receiver gets: its own token reference, and the content and PII marks as given. */
    public Envelope delivered(String tokenRef, EnvelopeContent newContent, List<PiiSpan> pii) {
        return new Envelope(
                id,
                ts,
                chainId,
                auth.withTokenRef(tokenRef),
                resonance,
                newContent,
                new EnvelopeSafety(pii, safety.redlines()));
    }

    /** The JSON tree of the envelope, fields in ACI.md's order, without {@code sig}. */
    public Map<String, Object> toMap() {
        var m = new LinkedHashMap<String, Object>();
        m.put("aci", VERSION);
        m.put("id", id);
        m.put("ts", ts.truncatedTo(ChronoUnit.MILLIS).toString());
        m.put("chainId", chainId);
        var a = new LinkedHashMap<String, Object>();
        a.put("org", auth.org());
        a.put("user", auth.user());
        a.put("from", auth.from());
        a.put("to", auth.to());
        a.put("permissions", auth.permissions());
        if (auth.reason() != null) {
            a.put("reason", auth.reason());
        }
        a.put("chain", auth.chain());
        a.put("maxDepth", auth.maxDepth());
        a.put("tokenRef", auth.tokenRef());
        m.put("auth", a);
        m.put("resonance", resonance);
        var c = new LinkedHashMap<String, Object>();
        c.put("primary", content.primary());
        if (content.context() != null) {
            c.put("context", content.context());
        }
        if (content.confidence() != null) {
            c.put("confidence", content.confidence());
        }
        m.put("content", c);
        var pii = new ArrayList<Map<String, Object>>();
        for (PiiSpan s : safety.pii()) {
            pii.add(Map.of("type", s.type().name(), "field", s.field(), "start", s.start(), "end", s.end()));
        }
        m.put("safety", Map.of("pii", pii, "redlines", safety.redlines()));
        return m;
    }
}
