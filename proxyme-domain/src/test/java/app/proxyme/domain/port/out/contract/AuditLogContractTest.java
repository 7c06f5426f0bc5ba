package app.proxyme.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.port.out.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditLog} promises: entries are appended in order to their organisation's chain ({@code seq} from
 * 1 without gaps, each event linked to the one before by {@code prev}, and to its meeting's previous event by
 * {@code meetingPrev}), stamped with the log's clock, and read back per meeting oldest first; organisations never
 * share a chain, also under concurrent appends. Extended once per adapter.
 */
public abstract class AuditLogContractTest {
    /** The log under test, stamping events with {@code clock}. */
    protected abstract AuditLog log(Clock clock);

    private final String org = Contracts.freshOrg();

    @Test
    void the_first_event_starts_the_organisations_chain_and_carries_what_was_appended() {
        Instant at = Instant.parse("2030-05-06T07:08:09.123Z");
        var entry = new AuditEntry(
                AuditType.DECISION,
                org,
                "m1",
                "jae@acme.test",
                "engine",
                "pricing",
                "DENY",
                "fga",
                Map.of("chunkSeq", 12, "flags", List.of("a")));

        var r = log(Clock.fixed(at, ZoneOffset.UTC)).append(List.of(entry)).get(0);

        assertEquals(1, r.seq());
        assertEquals(AuditRecord.GENESIS, r.prev());
        assertEquals(AuditRecord.GENESIS, r.meetingPrev(), "the first event of a meeting links to genesis");
        assertEquals(at, r.ts(), "recorded at the log's clock");
        assertEquals(entry, r.entry());
        assertFalse(r.id().isBlank());
        assertFalse(r.hash().isBlank());
    }

    @Test
    void entries_of_one_append_keep_their_order_and_link_by_hash() {
        var log = log(Clock.systemUTC());

        var records = log.append(List.of(entry(org, null, 1), entry(org, null, 2), entry(org, null, 3)));
        var more = log.append(List.of(entry(org, null, 4)));

        var all = new ArrayList<>(records);
        all.addAll(more);
        assertEquals(
                List.of(1, 2, 3, 4),
                all.stream().map(r -> r.entry().detail().get("chunkSeq")).toList());
        assertChain(all);
        all.forEach(r -> assertNull(r.meetingPrev(), "no meeting, no meeting link"));
    }

    @Test
    void each_organisation_has_a_chain_of_its_own() {
        String other = Contracts.freshOrg();
        var log = log(Clock.systemUTC());

        var records = log.append(List.of(entry(org, "m1", 1), entry(other, "m1", 1), entry(org, "m1", 2)));
        records = new ArrayList<>(records);
        records.addAll(log.append(List.of(entry(other, "m1", 2))));

        assertChain(records.stream().filter(r -> r.entry().org().equals(org)).toList());
        assertChain(records.stream().filter(r -> r.entry().org().equals(other)).toList());
        assertEquals(2, log.meeting(org, "m1").size(), "a meeting id is scoped to its organisation");
        assertEquals(2, log.meeting(other, "m1").size());
    }

    @Test
    void a_meeting_links_its_own_events_and_reads_back_oldest_first() {
        var log = log(Clock.systemUTC());
        var appended = new ArrayList<AuditRecord>();

        for (int i = 0; i < 4; i++) {
            appended.addAll(log.append(List.of(entry(org, "m1", i), entry(org, "m2", i), entry(org, null, i))));
        }

        assertChain(appended);
        var m1 = log.meeting(org, "m1");
        assertEquals(
                appended.stream().filter(r -> "m1".equals(r.entry().meeting())).toList(), m1);
        assertMeetingLinks(m1);
        assertMeetingLinks(log.meeting(org, "m2"));
        assertTrue(log.meeting(org, "m3").isEmpty());
    }

    @Test
    void concurrent_appends_chain_without_gaps() throws Exception {
        var log = log(Clock.systemUTC());
        int threads = 6;
        int perThread = 15;
        var start = new CountDownLatch(1);
        var all = new ArrayList<AuditRecord>();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = new ArrayList<Future<List<AuditRecord>>>();
            for (int t = 0; t < threads; t++) {
                String meeting = "m" + (t % 3);
                futures.add(pool.submit(() -> {
                    start.await();
                    var mine = new ArrayList<AuditRecord>();
                    for (int i = 0; i < perThread; i++) {
                        var records = log.append(List.of(entry(org, meeting, i), entry(org, null, i)));
                        assertTrue(records.get(0).seq() < records.get(1).seq(), "an append keeps its order");
                        mine.addAll(records);
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (var f : futures) {
                all.addAll(f.get());
            }
        }

        all.sort(Comparator.comparingLong(AuditRecord::seq));
        assertEquals(threads * perThread * 2, all.size());
        assertChain(all);
        for (String meeting : List.of("m0", "m1", "m2")) {
            var events = log.meeting(org, meeting);
            assertEquals(2 * perThread, events.size());
            assertMeetingLinks(events);
        }
    }

    /** An organisation's whole chain, oldest first: {@code seq} from 1 without gaps, each linked to the one before. */
    protected static void assertChain(List<AuditRecord> chain) {
        String prev = AuditRecord.GENESIS;
        var meetingPrev = new HashMap<String, String>();
        var hashes = new HashSet<String>();
        long seq = 0;
        for (AuditRecord r : chain) {
            assertEquals(++seq, r.seq(), "seq without gaps");
            assertEquals(prev, r.prev(), "prev of " + r.seq());
            String meeting = r.entry().meeting();
            if (meeting == null) {
                assertNull(r.meetingPrev(), "no meetingPrev without a meeting");
            } else {
                assertEquals(
                        meetingPrev.getOrDefault(meeting, AuditRecord.GENESIS),
                        r.meetingPrev(),
                        "meetingPrev of " + r.seq());
                meetingPrev.put(meeting, r.hash());
            }
            assertTrue(hashes.add(r.hash()), "every event has a hash of its own");
            prev = r.hash();
        }
    }

    private static void assertMeetingLinks(List<AuditRecord> meeting) {
        String prev = AuditRecord.GENESIS;
        long seq = 0;
        for (AuditRecord r : meeting) {
            assertTrue(r.seq() > seq, "oldest first");
            assertEquals(prev, r.meetingPrev(), "meetingPrev of " + r.seq());
            prev = r.hash();
            seq = r.seq();
        }
    }

    protected static AuditEntry entry(String org, String meeting, int i) {
        return new AuditEntry(
                AuditType.CHUNK, org, meeting, "jae@acme.test", "engine", null, null, null, Map.of("chunkSeq", i));
    }
}
