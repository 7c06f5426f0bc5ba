package app.proxyme.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.domain.port.out.AuditPruning;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The retention job never prunes events younger than 30 days, whatever an organisation's stored setting says. */
class AuditRetentionFloorTest {
    private static final Instant NOW = Instant.parse("2031-06-01T12:00:00Z");

    @Test
    void a_stored_retention_shorter_than_thirty_days_prunes_as_thirty() {
        var cutoffs = new LinkedHashMap<String, Instant>();
        AuditPruning pruning = new AuditPruning() {
            @Override
            public Map<String, Integer> retentionDays() {
                var days = new LinkedHashMap<String, Integer>();
                days.put("acme", 1); // stored before the floor existed
                days.put("globex", 400);
                return days;
            }

            @Override
            public OptionalLong lastSeqBefore(String org, Instant cutoff) {
                cutoffs.put(org, cutoff);
                return OptionalLong.empty();
            }

            @Override
            public java.util.SortedMap<String, String> meetingCuts(String org, long throughSeq) {
                throw new AssertionError("nothing is old enough to prune");
            }

            @Override
            public long deleteThrough(String org, long throughSeq) {
                throw new AssertionError("nothing is old enough to delete");
            }
        };

        new AuditRetention(pruning, null, null, null, Clock.fixed(NOW, ZoneOffset.UTC)).run();

        assertEquals(NOW.minus(Duration.ofDays(30)), cutoffs.get("acme"));
        assertEquals(NOW.minus(Duration.ofDays(400)), cutoffs.get("globex"));
    }
}
