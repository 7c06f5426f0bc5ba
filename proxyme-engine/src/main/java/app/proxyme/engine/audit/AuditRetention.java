package app.proxyme.engine.audit;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.AuditPruning;
import app.proxyme.domain.port.out.AuditReader;
import app.proxyme.engine.audit.format.AuditJson;
import app.proxyme.engine.audit.seal.CheckpointSeal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalLong;

/**
 * The retention job: for each organisation with a retention period, it first appends a signed {@code checkpoint}
 * naming the last event to prune (its {@code seq} and hash) and, for each meeting the cut goes through, the hash of
 * that meeting's last pruned event ({@code detail.meetings}), then deletes the events up to it, then records a
 * {@code retention} event. What remains starts with an event whose {@code prev} is the checkpoint's
 * {@code lastPrunedHash}, and each cut meeting with an event whose {@code meetingPrev} the checkpoint names, so the
 * organisation's chain and each meeting's still verify from the checkpoint. If an append slips in between and links
 * a meeting to a pruned event the checkpoint does not name, the deletion is refused and the next run tries again.
 */
public final class AuditRetention {
    private static final System.Logger LOG = System.getLogger(AuditRetention.class.getName());

    private final AuditPruning pruning;
    private final AuditReader reader;
    private final AuditLog log;
    private final CheckpointSeal seal;
    private final Clock clock;

    /** What one organisation's run did. */
    public record Pruned(String org, long throughSeq, long deleted, long checkpointSeq) {}

    public AuditRetention(AuditPruning pruning, AuditReader reader, AuditLog log, CheckpointSeal seal, Clock clock) {
        this.pruning = pruning;
        this.reader = reader;
        this.log = log;
        this.seal = seal;
        this.clock = clock;
    }

    /**
     * Prunes every organisation's expired events; returns what was pruned. A stored retention shorter than
     * {@link PolicySettings#MIN_AUDIT_RETENTION_DAYS} (the policy file refuses it; older databases may hold one)
     * counts as that floor.
     */
    public List<Pruned> run() {
        var done = new ArrayList<Pruned>();
        Instant now = clock.instant();
        pruning.retentionDays().forEach((org, days) -> {
            try {
                int kept = Math.max(days, PolicySettings.MIN_AUDIT_RETENTION_DAYS);
                prune(org, now.minus(Duration.ofDays(kept))).ifPresent(done::add);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "audit retention of " + org + " failed: " + e.getMessage());
            }
        });
        return done;
    }

    /** Prunes the organisation's events recorded before {@code cutoff}. */
    public java.util.Optional<Pruned> prune(String org, Instant cutoff) {
        OptionalLong last = pruning.lastSeqBefore(org, cutoff);
        if (last.isEmpty()) {
            return java.util.Optional.empty();
        }
        long seq = last.getAsLong();
        List<AuditRecord> named = reader.page(org, null, seq - 1, seq, 1);
        if (named.isEmpty()) {
            return java.util.Optional.empty();
        }
        String hash = named.get(0).hash();
        java.util.SortedMap<String, String> meetings = pruning.meetingCuts(org, seq);
        var detail = new LinkedHashMap<String, Object>();
        detail.put("lastPrunedSeq", seq);
        detail.put("lastPrunedHash", hash);
        detail.put("meetings", meetings);
        detail.put("cutoff", AuditJson.timestamp(cutoff));
        CheckpointSeal.Sealed sealed = seal.sign(org, seq, hash, meetings);
        detail.put("keyId", sealed.keyId());
        detail.put("alg", "RS256");
        detail.put("signature", sealed.signature());
        AuditRecord checkpoint = log.append(List.of(
                        new AuditEntry(AuditType.CHECKPOINT, org, null, null, "engine", null, null, null, detail)))
                .get(0);
        long deleted = pruning.deleteThrough(org, seq);
        log.append(List.of(new AuditEntry(
                AuditType.RETENTION,
                org,
                null,
                null,
                "engine",
                null,
                null,
                null,
                java.util.Map.of("deletedThroughSeq", seq, "deleted", deleted, "checkpointSeq", checkpoint.seq()))));
        LOG.log(
                System.Logger.Level.INFO,
                "audit retention of " + org + ": " + deleted + " events through seq " + seq
                        + " pruned after checkpoint " + checkpoint.seq());
        return java.util.Optional.of(new Pruned(org, seq, deleted, checkpoint.seq()));
    }
}
