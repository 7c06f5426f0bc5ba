package app.proxyme.it.load;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What one load run measured. */
final class Report {
    final Latencies decision = new Latencies();
    final Latencies suggestion = new Latencies();
    /** Chunk → {@code ack}: the chunk event durable. */
    final Latencies ack = new Latencies();
    /** The server's own duration of each flow step ({@code flow.ms}), by step. */
    private final Map<String, Latencies> steps = new ConcurrentHashMap<>();

    final AtomicLong sent = new AtomicLong();
    final AtomicLong outOfOrder = new AtomicLong();
    final AtomicLong sendErrors = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong socketErrors = new AtomicLong();
    final AtomicLong badMessages = new AtomicLong();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    /** Chunk → decision by the slot of {@link #SLOT_S} seconds, counted from {@link #origin}, in which it was sent. */
    private final Map<Long, Latencies> bySlot = new ConcurrentHashMap<>();

    static final long SLOT_S = 5;
    private volatile long origin = System.nanoTime();

    /** Slots count from now (the first chunk is about to be sent). */
    void startsNow() {
        origin = System.nanoTime();
    }

    double serverCpuPercent = Double.NaN;
    double serverRssMiB = Double.NaN;

    void outcome(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    /** A chunk sent at {@code sentNanos} was decided at {@code nowNanos}. */
    void decided(long sentNanos, long nowNanos) {
        long micros = (nowNanos - sentNanos) / 1_000;
        decision.add(micros);
        bySlot.computeIfAbsent((sentNanos - origin) / (SLOT_S * 1_000_000_000L), k -> new Latencies())
                .add(micros);
    }

    /** p95 chunk → decision of the chunks sent in each slot, e.g. {@code 0-5s 412.0, 5-10s 35.1}. */
    String timeline() {
        var line = new StringBuilder();
        new TreeMap<>(bySlot)
                .forEach((slot, l) -> line.append(String.format(
                        Locale.ROOT,
                        "%s%d-%ds %.1f",
                        line.isEmpty() ? "" : ", ",
                        slot * SLOT_S,
                        (slot + 1) * SLOT_S,
                        l.percentileMillis(95))));
        return line.toString();
    }

    void step(String step, double ms) {
        steps.computeIfAbsent(step, k -> new Latencies()).add(Math.round(ms * 1000));
    }

    /** p50/p95 of the ack and of each flow step as the server timed it, e.g. {@code ack 2.1/9.0, classify 1.2/4.0}. */
    String breakdown() {
        var line = new StringBuilder(
                String.format(Locale.ROOT, "ack %.1f/%.1f", ack.percentileMillis(50), ack.percentileMillis(95)));
        new TreeMap<>(steps)
                .forEach((step, l) -> line.append(String.format(
                        Locale.ROOT,
                        ", %s %.1f/%.1f (%d)",
                        step,
                        l.percentileMillis(50),
                        l.percentileMillis(95),
                        l.count())));
        return line.toString();
    }

    long lost() {
        return sent.get() - decision.count();
    }

    String summary(int meetings, int participants, double seconds) {
        return String.format(
                Locale.ROOT,
                "meetings=%d participants=%d duration=%.0fs sent=%d decided=%d lost=%d outOfOrder=%d "
                        + "decision p50/p95/p99=%.1f/%.1f/%.1f ms suggestion p50/p95/p99=%.1f/%.1f/%.1f ms "
                        + "(%d suggestions) serverCPU=%.0f%% serverRSS=%.0fMiB outcomes=%s errors(send/server/socket)=%d/%d/%d",
                meetings,
                participants,
                seconds,
                sent.get(),
                decision.count(),
                lost(),
                outOfOrder.get(),
                decision.percentileMillis(50),
                decision.percentileMillis(95),
                decision.percentileMillis(99),
                suggestion.percentileMillis(50),
                suggestion.percentileMillis(95),
                suggestion.percentileMillis(99),
                suggestion.count(),
                serverCpuPercent,
                serverRssMiB,
                new TreeMap<>(outcomes),
                sendErrors.get(),
                serverErrors.get(),
                socketErrors.get());
    }

    /** One row of BENCHMARKS.md's capacity table. */
    String markdownRow(int meetings) {
        return String.format(
                Locale.ROOT,
                "| %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f%% | %.0f |",
                meetings,
                sent.get(),
                decision.count(),
                lost(),
                outOfOrder.get(),
                decision.percentileMillis(50),
                decision.percentileMillis(95),
                decision.percentileMillis(99),
                suggestion.percentileMillis(50),
                suggestion.percentileMillis(95),
                serverCpuPercent,
                serverRssMiB);
    }
}
