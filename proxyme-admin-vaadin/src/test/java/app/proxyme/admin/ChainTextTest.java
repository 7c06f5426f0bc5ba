package app.proxyme.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.aci.CheckOutcome;
import app.proxyme.domain.aci.HandoffStatus;
import app.proxyme.domain.aci.Hop;
import app.proxyme.domain.aci.HopCheck;
import app.proxyme.domain.handoff.ChainTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChainTextTest {
    private static Hop hop(HandoffStatus status, List<CheckOutcome> checks, List<String> anomalies) {
        return new Hop(
                "ho_1",
                "acme",
                "ch_1",
                "ae@acme.test",
                "automotive",
                "finance-advisor",
                status,
                List.of("agent:finance"),
                List.of("read:investment_goals"),
                checks,
                3.5,
                812,
                Map.of("EMAIL", 1),
                anomalies,
                null,
                null,
                0.9,
                Instant.EPOCH);
    }

    @Test
    void every_check_is_listed_in_order_with_its_ms_and_the_unrun_ones_wait_for_consent() {
        var run = new ArrayList<CheckOutcome>();
        for (HopCheck c : HopCheck.values()) {
            if (c.ordinal() < 8) {
                run.add(new CheckOutcome(c, true, 0.25));
            }
        }
        List<ChainText.CheckRow> rows = ChainText.checks(hop(HandoffStatus.PENDING_CONSENT, run, List.of()));
        assertEquals(11, rows.size());
        assertEquals(new ChainText.CheckRow("schema", "ok", "0.25"), rows.get(0));
        assertEquals(new ChainText.CheckRow("pii", "waiting", ""), rows.get(9));
        assertEquals(
                "not run",
                ChainText.checks(hop(HandoffStatus.REFUSED, List.of(), List.of()))
                        .get(0)
                        .state());
    }

    @Test
    void a_hop_shows_its_figures_and_flags_and_the_summary_what_was_accessed_and_blocked() {
        Hop h = hop(HandoffStatus.DELIVERED, List.of(), List.of("domain:agent:finance"));
        assertTrue(ChainText.figures(h).contains("812 bytes"), ChainText.figures(h));
        assertTrue(ChainText.figures(h).contains("PII: EMAIL×1"), ChainText.figures(h));
        assertTrue(ChainText.figures(h).contains("missing: read:investment_goals"), ChainText.figures(h));
        assertEquals("⚠ anomalies: domain:agent:finance", ChainText.anomalies(h));
        assertEquals("Hop 1: automotive → finance-advisor · DELIVERED", ChainText.heading(1, h));
        assertEquals(
                "2 hops · auth 1.50 ms · total 7.00 ms · 1 denied · accessed ✓ agent:automotive · blocked ✗"
                        + " read:investment_goals",
                ChainText.summary(new ChainTimeline.Summary(
                        2, 1.5, 7, 1, List.of("agent:automotive"), List.of("read:investment_goals"))));
        assertEquals(
                Set.of("a:b", "c:d"),
                AgentsView.permissions(" a:b, c:d ,").stream().collect(java.util.stream.Collectors.toSet()));
    }
}
