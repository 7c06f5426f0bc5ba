package app.proxyme.admin;

import app.proxyme.domain.aci.CheckOutcome;
import app.proxyme.domain.aci.HandoffStatus;
import app.proxyme.domain.aci.Hop;
import app.proxyme.domain.aci.HopCheck;
import app.proxyme.domain.handoff.ChainTimeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the chain screens word a timeline (the seed's "Session Timeline"): each of the gateway's checks of a hop with
 * its outcome and ms, a hop's figures, and the chain's summary with what was accessed (✓) and blocked (✗).
 */
final class ChainText {
    /** One of the eleven checks of a hop as shown: {@code ok}, {@code failed}, {@code waiting} (for consent). */
    record CheckRow(String check, String state, String ms) {}

    private ChainText() {}

    /** Every check in the gateway's order: run ones with their outcome and ms, the others waiting or not run. */
    static List<CheckRow> checks(Hop hop) {
        var rows = new ArrayList<CheckRow>();
        for (HopCheck check : HopCheck.values()) {
            CheckOutcome outcome = hop.checks().stream()
                    .filter(c -> c.check() == check)
                    .findFirst()
                    .orElse(null);
            if (outcome != null) {
                rows.add(new CheckRow(check.wire(), outcome.ok() ? "ok" : "failed", ms(outcome.ms())));
            } else {
                rows.add(new CheckRow(
                        check.wire(), hop.status() == HandoffStatus.PENDING_CONSENT ? "waiting" : "not run", ""));
            }
        }
        return rows;
    }

    /** The hop's heading: who handed to whom, and how it ended. */
    static String heading(int index, Hop hop) {
        return "Hop " + index + ": " + hop.from() + " → " + hop.to() + " · " + hop.status()
                + (hop.error() == null ? "" : " (" + hop.error() + ")");
    }

    /** The hop's figures: total ms, bytes, permissions, PII found by type, missing permissions. */
    static String figures(Hop hop) {
        var parts = new ArrayList<String>();
        parts.add(ms(hop.ms()) + " ms total");
        parts.add(hop.bytes() + " bytes");
        parts.add("permissions: " + list(hop.permissions()));
        parts.add("PII: " + pii(hop.pii()));
        if (!hop.missing().isEmpty()) {
            parts.add("missing: " + String.join(", ", hop.missing()));
        }
        if (hop.confidence() != null) {
            parts.add("confidence " + hop.confidence());
        }
        return String.join(" · ", parts);
    }

    /** The hop's anomaly flags, or empty when none. */
    static String anomalies(Hop hop) {
        return hop.anomalies().isEmpty() ? "" : "⚠ anomalies: " + String.join(", ", hop.anomalies());
    }

    /** The chain's totals, accessed ✓ and blocked ✗. */
    static String summary(ChainTimeline.Summary s) {
        return s.hops() + " hops · auth " + ms(s.authMs()) + " ms · total " + ms(s.totalMs()) + " ms · "
                + s.denials() + " denied · accessed "
                + s.accessed().stream().map(p -> "✓ " + p).collect(Collectors.joining(", "))
                + (s.accessed().isEmpty() ? "nothing" : "")
                + " · blocked "
                + s.blocked().stream().map(p -> "✗ " + p).collect(Collectors.joining(", "))
                + (s.blocked().isEmpty() ? "nothing" : "");
    }

    static String pii(Map<String, Integer> pii) {
        return pii.isEmpty()
                ? "none"
                : pii.entrySet().stream()
                        .map(e -> e.getKey() + "×" + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    static String ms(double ms) {
        return String.format(Locale.ROOT, "%.2f", ms);
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
