package app.proxyme.engine.audit.format;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.audit.Reveal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The audit event as PROTOCOL.md exports it, and its hash: SHA-256 (lower-case hex) over the RFC 8785 canonical
 * JSON of the event without {@code hash} and {@code reveal} (a hidden text, exported after the hash to readers
 * allowed to see it). Fields that are {@code null} are omitted. The persistence adapter, the
 * REST export and the offline verifier all shape events here, so that they agree byte for byte.
 */
public final class AuditJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A reveal that is not {@code {"salt","text"}}: its salt is no hex, so it matches no digest. */
    private static final Reveal MALFORMED = new Reveal("malformed", "");

    private AuditJson() {}

    /**
     * The export line of a record (with {@code hash}, and its {@code reveal} when it has one), in the field order of
     * PROTOCOL.md. A reader who may not see the hidden text gets {@link AuditRecord#withoutReveal()}.
     */
    public static String toJson(AuditRecord record) {
        var map = fields(record.id(), record.seq(), record.ts(), record.entry(), record.prev(), record.meetingPrev());
        map.put("hash", record.hash());
        if (record.entry().reveal() != null) {
            map.put("reveal", revealMap(record.entry().reveal()));
        }
        return write(map);
    }

    /** A reveal as stored and exported: {@code {"salt":"<hex>","text":"…"}}. */
    public static String revealJson(Reveal reveal) {
        return write(revealMap(reveal));
    }

    /** A stored reveal read back; {@code null} for none. */
    public static Reveal parseReveal(String json) {
        return json == null || json.isBlank() ? null : reveal(readMap(json));
    }

    private static Map<String, Object> revealMap(Reveal reveal) {
        var m = new LinkedHashMap<String, Object>();
        m.put("salt", reveal.salt());
        m.put("text", reveal.text());
        return m;
    }

    private static Reveal reveal(Map<?, ?> m) {
        return m.get("salt") instanceof String salt && m.get("text") instanceof String text
                ? new Reveal(salt, text)
                : MALFORMED;
    }

    /** Reads an export line back into a record (the stored {@code hash} is kept, not recomputed). */
    public static AuditRecord fromJson(String line) {
        Map<String, Object> m = readMap(line);
        Object detail = m.get("detail");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = detail instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        var entry = new AuditEntry(
                AuditType.fromWire(str(m, "type")),
                str(m, "org"),
                str(m, "meeting"),
                str(m, "user"),
                str(m, "actor"),
                str(m, "topic"),
                str(m, "outcome"),
                str(m, "layer"),
                details,
                !m.containsKey("reveal") ? null : m.get("reveal") instanceof Map<?, ?> r ? reveal(r) : MALFORMED);
        return new AuditRecord(
                str(m, "id"),
                ((Number) m.get("seq")).longValue(),
                Instant.parse(str(m, "ts")),
                entry,
                str(m, "prev"),
                str(m, "meetingPrev"),
                str(m, "hash"));
    }

    /** The hash a record must have, recomputed from its content (its stored {@code hash} is ignored). */
    public static String hash(AuditRecord record) {
        return hash(record.id(), record.seq(), record.ts(), record.entry(), record.prev(), record.meetingPrev());
    }

    /** The hash of an event with these fields. */
    public static String hash(String id, long seq, Instant ts, AuditEntry entry, String prev, String meetingPrev) {
        String json = write(fields(id, seq, ts, entry, prev, meetingPrev));
        try {
            byte[] canonical = new JsonCanonicalizer(json).getEncodedUTF8();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException e) {
            throw new IllegalStateException("audit event is not canonicalisable JSON", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An audit timestamp: UTC, always with milliseconds ({@code 2025-01-02T03:04:05.678Z}). */
    public static String timestamp(Instant ts) {
        return TS.format(ts.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The {@code detail} object as JSON text. */
    public static String detailJson(Map<String, Object> detail) {
        return write(detail);
    }

    /** Parses {@code detail} JSON text, keeping key order. */
    public static Map<String, Object> parseDetail(String json) {
        return json == null || json.isBlank() ? Map.of() : readMap(json);
    }

    private static LinkedHashMap<String, Object> fields(
            String id, long seq, Instant ts, AuditEntry e, String prev, String meetingPrev) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", id);
        m.put("seq", seq);
        m.put("ts", timestamp(ts));
        m.put("org", e.org());
        putIfPresent(m, "meeting", e.meeting());
        putIfPresent(m, "user", e.user());
        m.put("actor", e.actor());
        m.put("type", e.type().wire());
        putIfPresent(m, "topic", e.topic());
        putIfPresent(m, "outcome", e.outcome());
        putIfPresent(m, "layer", e.layer());
        m.put("detail", e.detail());
        m.put("prev", prev);
        putIfPresent(m, "meetingPrev", meetingPrev);
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not JSON-serialisable: " + e.getOriginalMessage(), e);
        }
    }

    private static LinkedHashMap<String, Object> readMap(String json) {
        try {
            return JSON.readValue(json.getBytes(StandardCharsets.UTF_8), MAP);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an audit JSON object: " + e.getMessage(), e);
        }
    }
}
