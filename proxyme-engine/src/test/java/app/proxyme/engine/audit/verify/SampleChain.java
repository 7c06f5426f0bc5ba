package app.proxyme.engine.audit.verify;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.engine.audit.format.AuditJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a genuine organisation chain (as the audit log would) and its JSON Lines export, for tests. */
public final class SampleChain {
    private SampleChain() {}

    /** {@code n} typical events over {@code meetings} meetings (every tenth without a meeting). */
    public static List<AuditRecord> build(String org, int n, int meetings) {
        var records = new ArrayList<AuditRecord>(n);
        String prev = AuditRecord.GENESIS;
        var meetingHeads = new HashMap<String, String>();
        Instant t0 = Instant.parse("2030-01-01T09:00:00Z");
        for (int i = 1; i <= n; i++) {
            String meeting = i % 10 == 0 ? null : "m" + (i % meetings);
            AuditEntry entry = entry(org, meeting, i);
            String meetingPrev = meeting == null ? null : meetingHeads.getOrDefault(meeting, AuditRecord.GENESIS);
            String id = String.format("ev_%024x", i);
            Instant ts = t0.plusMillis(i * 37L);
            String hash = AuditJson.hash(id, i, ts, entry, prev, meetingPrev);
            records.add(new AuditRecord(id, i, ts, entry, prev, meetingPrev, hash));
            prev = hash;
            if (meeting != null) {
                meetingHeads.put(meeting, hash);
            }
        }
        return records;
    }

    /** A typical event: a decision with its trace, or a chunk with what was said (a hidden text, revealed). */
    public static AuditEntry entry(String org, String meeting, long i) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("chunkSeq", i);
        if (i % 2 == 0) {
            detail.put("confidence", 0.5 + (i % 50) / 100.0);
            detail.put("reason", "role junior_ae may not respond on pricing — «fga» said no");
            detail.put(
                    "trace",
                    List.of(
                            Map.of("layer", "rules", "effect", "AUTO", "ms", 0.12),
                            Map.of("layer", "fga", "effect", "DENY", "ms", 1.5),
                            Map.of("layer", "toggles", "effect", "skipped")));
            return new AuditEntry(
                    AuditType.DECISION, org, meeting, "jae@acme.test", "engine", "pricing", "DENY", "fga", detail);
        }
        detail.put("speaker", "customer");
        return AuditEntry.withHiddenText(
                AuditType.CHUNK,
                org,
                meeting,
                "jae@acme.test",
                "engine",
                null,
                null,
                null,
                detail,
                "so um how much would the enterprise plan cost for \"two hundred\" seats, per month? "
                        + "Ünïcödé ✓ 😀 line\nbreak");
    }

    /**
     * Writes a genuine chain of {@code n} typical events as JSON Lines without holding it in memory.
     *
     * @return the head (the last event's hash)
     */
    public static String write(String org, long n, int meetings, java.io.Writer out) throws java.io.IOException {
        String prev = AuditRecord.GENESIS;
        var meetingHeads = new HashMap<String, String>();
        Instant t0 = Instant.parse("2030-01-01T09:00:00Z");
        for (long i = 1; i <= n; i++) {
            String meeting = i % 10 == 0 ? null : "m" + (i % meetings);
            AuditEntry entry = entry(org, meeting, i);
            String meetingPrev = meeting == null ? null : meetingHeads.getOrDefault(meeting, AuditRecord.GENESIS);
            var r = new AuditRecord(
                    String.format("ev_%024x", i), i, t0.plusMillis(i * 37L), entry, prev, meetingPrev, "");
            String hash = AuditJson.hash(r);
            out.write(AuditJson.toJson(new AuditRecord(r.id(), i, r.ts(), entry, prev, meetingPrev, hash)));
            out.write('\n');
            prev = hash;
            if (meeting != null) {
                meetingHeads.put(meeting, hash);
            }
        }
        return prev;
    }

    /** The records as JSON Lines. */
    public static List<String> lines(List<AuditRecord> records) {
        return records.stream().map(AuditJson::toJson).toList();
    }
}
