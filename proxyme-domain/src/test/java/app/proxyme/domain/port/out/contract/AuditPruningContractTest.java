package app.proxyme.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditHead;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.AuditPruning;
import app.proxyme.domain.port.out.AuditReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditPruning} promises: it names the organisations that keep events for a limited time, finds the
 * last event recorded before a cutoff, and deletes a prefix of one organisation's chain (here one that a later
 * checkpoint covers, as the retention job does) and nothing else. That a database refuses an uncovered deletion is
 * the PostgreSQL adapter's own test. Extended once per adapter.
 */
public abstract class AuditPruningContractTest {
    /** The log whose events are pruned, stamping them with {@code clock}. */
    protected abstract AuditLog log(Clock clock);

    /** Reads the chains back, to see what was deleted. */
    protected abstract AuditReader reader();

    /** The pruning under test. */
    protected abstract AuditPruning pruning();

    /** Gives the organisation a retention period of {@code days} ({@code null}: keep its events for ever). */
    protected abstract void retain(String org, Integer days);

    private static final Instant T0 = Instant.parse("2031-01-01T00:00:00Z");
    private final String org = Contracts.freshOrg();

    @Test
    void only_organisations_with_a_retention_period_are_named() {
        String forEver = Contracts.freshOrg();
        retain(org, 30);
        retain(forEver, null);

        Map<String, Integer> days = pruning().retentionDays();

        assertEquals(30, days.get(org));
        assertFalse(days.containsKey(forEver));
    }

    @Test
    void the_last_event_before_a_cutoff_is_found() {
        appendTen(org);

        assertEquals(OptionalLong.of(5), pruning().lastSeqBefore(org, T0.plusSeconds(5)), "seq 6 is at the cutoff");
        assertEquals(OptionalLong.of(10), pruning().lastSeqBefore(org, T0.plusSeconds(60)));
        assertEquals(OptionalLong.empty(), pruning().lastSeqBefore(org, T0));
        assertEquals(OptionalLong.empty(), pruning().lastSeqBefore(Contracts.freshOrg(), T0.plusSeconds(60)));
    }

    @Test
    void deleting_through_a_seq_removes_that_prefix_of_one_organisation_only() {
        String other = Contracts.freshOrg();
        var mine = appendTen(org);
        appendTen(other);
        var sealedLater = Clock.fixed(T0.plusSeconds(60), java.time.ZoneOffset.UTC);
        var checkpoint = log(sealedLater)
                .append(List.of(new AuditEntry(
                        AuditType.CHECKPOINT,
                        org,
                        null,
                        null,
                        "engine",
                        null,
                        null,
                        null,
                        Map.of(
                                "lastPrunedSeq",
                                6,
                                "lastPrunedHash",
                                mine.get(5).hash(),
                                "meetings",
                                Map.of("m1", mine.get(5).hash())))))
                .get(0);

        long deleted = pruning().deleteThrough(org, 6);

        assertEquals(6, deleted);
        var left = reader().page(org, null, 0, Long.MAX_VALUE, 100);
        assertEquals(
                List.of(7L, 8L, 9L, 10L, 11L),
                left.stream().map(AuditRecord::seq).toList());
        assertEquals(new AuditHead(11, checkpoint.hash()), reader().head(org), "the chain's end is kept");
        assertEquals(10, reader().page(other, null, 0, Long.MAX_VALUE, 100).size(), "another organisation's events");
        assertTrue(pruning().lastSeqBefore(org, T0.plusSeconds(5)).isEmpty(), "nothing before the cutoff is left");
    }

    @Test
    void the_meetings_a_cut_goes_through_are_named_with_their_last_event_before_it() {
        var mine = appendTen(org); // meeting m1, seq 1..10
        var log = log(Clock.systemUTC());
        var later = log.append(List.of(
                new AuditEntry(AuditType.CHUNK, org, "m2", null, "engine", null, null, null, Map.of()),
                new AuditEntry(AuditType.CHUNK, org, null, null, "engine", null, null, null, Map.of())));

        assertEquals(Map.of("m1", mine.get(5).hash()), pruning().meetingCuts(org, 6), "m2 starts at genesis");
        assertEquals(Map.of(), pruning().meetingCuts(org, 10), "m1 has no event after seq 10");
        assertEquals(Map.of(), pruning().meetingCuts(org, 12));
        assertEquals(12, later.get(1).seq());
    }

    @Test
    void a_cut_that_no_checkpoint_names_or_vouches_for_deletes_nothing() {
        var mine = appendTen(org);
        var log = log(Clock.fixed(T0.plusSeconds(60), java.time.ZoneOffset.UTC));
        var unnamed = new java.util.LinkedHashMap<String, Object>();
        unnamed.put("lastPrunedSeq", 5);
        unnamed.put("lastPrunedHash", mine.get(4).hash());
        unnamed.put("meetings", Map.of("m1", mine.get(4).hash()));
        log.append(List.of(new AuditEntry(AuditType.CHECKPOINT, org, null, null, "engine", null, null, null, unnamed)));
        var silent = new java.util.LinkedHashMap<String, Object>();
        silent.put("lastPrunedSeq", 6);
        silent.put("lastPrunedHash", mine.get(5).hash());
        silent.put("meetings", Map.of());
        log.append(List.of(new AuditEntry(AuditType.CHECKPOINT, org, null, null, "engine", null, null, null, silent)));

        assertThrows(RuntimeException.class, () -> pruning().deleteThrough(org, 4));
        assertThrows(
                RuntimeException.class,
                () -> pruning().deleteThrough(org, 6),
                "the checkpoint of the cut does not vouch for meeting m1");

        assertEquals(12, reader().page(org, null, 0, Long.MAX_VALUE, 100).size(), "nothing deleted");
    }

    /** Ten events of the organisation, one second apart from {@link #T0} (seq 1 at T0). */
    private List<AuditRecord> appendTen(String org) {
        var clock = new Contracts.MovableClock(T0);
        var log = log(clock);
        var records = new java.util.ArrayList<AuditRecord>();
        for (int i = 0; i < 10; i++) {
            clock.set(T0.plusSeconds(i));
            records.addAll(log.append(List.of(new AuditEntry(
                    AuditType.CHUNK, org, "m1", "jae@acme.test", "engine", null, null, null, Map.of("chunkSeq", i)))));
        }
        return records;
    }
}
