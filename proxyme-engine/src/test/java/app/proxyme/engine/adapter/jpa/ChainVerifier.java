package app.proxyme.engine.adapter.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.engine.audit.format.AuditJson;
import java.util.HashMap;
import java.util.List;

/** Test helper: asserts that an organisation's whole chain links and hashes correctly. */
final class ChainVerifier {
    private ChainVerifier() {}

    static void assertChain(List<AuditRecord> events) {
        String prev = AuditRecord.GENESIS;
        var meetingPrev = new HashMap<String, String>();
        long seq = 0;
        for (AuditRecord r : events) {
            assertEquals(++seq, r.seq(), "seq without gaps");
            assertEquals(prev, r.prev(), "prev of " + r.seq());
            String meeting = r.entry().meeting();
            if (meeting == null) {
                assertEquals(null, r.meetingPrev(), "no meetingPrev without a meeting");
            } else {
                assertEquals(
                        meetingPrev.getOrDefault(meeting, AuditRecord.GENESIS),
                        r.meetingPrev(),
                        "meetingPrev of " + r.seq());
                meetingPrev.put(meeting, r.hash());
            }
            assertEquals(AuditJson.hash(r), r.hash(), "hash of " + r.seq());
            assertEquals(r.hash(), AuditJson.hash(AuditJson.fromJson(AuditJson.toJson(r))), "export round trip");
            prev = r.hash();
        }
    }
}
