package app.proxyme.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditHead;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.audit.SeqSpan;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.AuditReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditReader} promises over what its {@link AuditLog} appended: the head of an organisation's chain
 * (genesis when it has none), pages with {@code afterSeq < seq <= toSeq} oldest first (of one meeting when asked),
 * and the {@code seq} span of a half-open time window; never another organisation's events. Extended once per
 * adapter.
 */
public abstract class AuditReaderContractTest {
    /** The log whose events the reader reads back, stamping them with {@code clock}. */
    protected abstract AuditLog log(Clock clock);

    /** The reader under test. */
    protected abstract AuditReader reader();

    private static final Instant T0 = Instant.parse("2031-01-01T00:00:00Z");
    private final String org = Contracts.freshOrg();
    private final List<AuditRecord> appended = new ArrayList<>();

    /** 25 events one second apart from {@link #T0}; the even ones (seq 1, 3, 5, ...) in meeting "even". */
    @BeforeEach
    void twentyFiveEvents() {
        var clock = new Contracts.MovableClock(T0);
        var log = log(clock);
        for (int i = 0; i < 25; i++) {
            clock.set(T0.plusSeconds(i));
            appended.addAll(log.append(List.of(new AuditEntry(
                    AuditType.CHUNK,
                    org,
                    i % 2 == 0 ? "even" : null,
                    "jae@acme.test",
                    "engine",
                    null,
                    null,
                    null,
                    Map.of("chunkSeq", i)))));
        }
    }

    @Test
    void checkpoints_are_read_in_pages_oldest_first() {
        var log = log(Clock.systemUTC());
        var checkpoints = new ArrayList<AuditRecord>();
        for (int i = 0; i < 3; i++) {
            checkpoints.addAll(log.append(List.of(
                    new AuditEntry(AuditType.CHECKPOINT, org, null, null, "engine", null, null, null, Map.of("n", i)),
                    new AuditEntry(AuditType.CHUNK, org, "even", null, "engine", null, null, null, Map.of()))));
            checkpoints.remove(checkpoints.size() - 1);
        }

        assertEquals(checkpoints.subList(0, 2), reader().checkpoints(org, 0, 2));
        assertEquals(
                checkpoints.subList(1, 3),
                reader().checkpoints(org, checkpoints.get(0).seq(), 10));
        assertEquals(List.of(), reader().checkpoints(org, checkpoints.get(2).seq(), 10));
        assertEquals(List.of(), reader().checkpoints(Contracts.freshOrg(), 0, 10));
    }

    @Test
    void the_head_is_the_last_event_or_genesis() {
        var last = appended.get(appended.size() - 1);

        assertEquals(new AuditHead(25, last.hash()), reader().head(org));
        assertEquals(new AuditHead(0, AuditRecord.GENESIS), reader().head(Contracts.freshOrg()));
    }

    @Test
    void a_page_holds_at_most_limit_events_after_afterSeq_up_to_toSeq_oldest_first() {
        assertEquals(appended.subList(10, 17), reader().page(org, null, 10, 100, 7));
        assertEquals(appended.subList(10, 12), reader().page(org, null, 10, 12, 7));
        assertEquals(List.of(appended.get(24)), reader().page(org, null, 24, 25, 10));
        assertTrue(reader().page(org, null, 25, 100, 10).isEmpty());
    }

    @Test
    void a_meetings_page_holds_only_its_events() {
        assertEquals(
                List.of(1L, 3L, 5L),
                reader().page(org, "even", 0, 6, 10).stream()
                        .map(AuditRecord::seq)
                        .toList());
        assertEquals(
                List.of(7L, 9L),
                reader().page(org, "even", 5, 100, 2).stream()
                        .map(AuditRecord::seq)
                        .toList());
    }

    @Test
    void another_organisation_reads_nothing_of_this_one() {
        String other = Contracts.freshOrg();

        assertTrue(reader().page(other, null, 0, 100, 10).isEmpty());
        assertTrue(reader().page(other, "even", 0, 100, 10).isEmpty());
        assertTrue(reader().span(other, T0, T0.plusSeconds(100)).isEmpty());
    }

    @Test
    void the_span_of_a_window_includes_its_start_and_excludes_its_end() {
        assertEquals(
                new SeqSpan(4, 9),
                reader().span(org, T0.plusSeconds(3), T0.plusSeconds(9)).orElseThrow());
        assertEquals(
                new SeqSpan(1, 25), reader().span(org, T0, T0.plusSeconds(25)).orElseThrow());
        assertTrue(reader().span(org, T0.plusSeconds(100), T0.plusSeconds(200)).isEmpty());
        assertTrue(reader().span(org, T0.minusSeconds(10), T0).isEmpty());
    }
}
