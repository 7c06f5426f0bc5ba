package app.proxyme.it.bench;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.testsupport.Prerequisites;
import java.sql.Connection;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Sustained audit appends into PostgreSQL: one typical event due every 1/{@code bench.rate} s (default 2500/s),
 * each appended by its own caller, for {@code bench.seconds} (default 20) after a 5 s warm-up; prints the achieved
 * events/s and the latency percentiles of {@code append}. Not part of {@code verify}; run it with
 * {@code ./mvnw -o test -pl proxyme-it -Dtest=AuditAppendBenchmark}.
 */
class AuditAppendBenchmark {
    @Test
    void sustained_appends_into_postgresql() throws Exception {
        int rate = Integer.getInteger("bench.rate", 2500);
        int seconds = Integer.getInteger("bench.seconds", 20);
        var pg = Prerequisites.postgres();
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = pg.connect();
                var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String sep = pg.url().contains("?") ? "&" : "?";
        try (var db = Database.open(pg.url() + sep + "currentSchema=" + schema, pg.user(), pg.password())) {
            AuditLog log = db.auditLog(Clock.systemUTC());
            run(log, rate, 5, "warm-up");
            run(log, rate, seconds, "measured");
        } finally {
            try (Connection c = pg.connect();
                    var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /**
     * Open loop: events are due at a fixed rate, each appended by its own virtual thread, and latency is measured
     * from when the event was due (so a stall is not hidden by callers that stop calling).
     */
    private static void run(AuditLog log, int rate, int seconds, String label) throws Exception {
        int total = rate * seconds;
        long gc0 = gcMillis();
        long[] latencies = new long[total];
        var done = new CountDownLatch(total);
        var failures = new AtomicInteger();
        long t0 = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = t0 + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                int n = i;
                pool.submit(() -> {
                    try {
                        log.append(List.of(event(n)));
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                    latencies[n] = System.nanoTime() - due;
                    done.countDown();
                });
            }
            done.await();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(latencies);
        System.out.printf(
                "%s: target %d events/s for %d s: %d events in %.1f s = %.0f events/s, %d failed; append "
                        + "latency p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; GC %d ms (%s)%n",
                label,
                rate,
                seconds,
                total,
                elapsed,
                total / elapsed,
                failures.get(),
                pct(latencies, 0.50),
                pct(latencies, 0.99),
                pct(latencies, 0.999),
                latencies[total - 1] / 1e6,
                gcMillis() - gc0,
                gcNames());
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static String gcNames() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName)
                .toList()
                .toString();
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static AuditEntry event(int i) {
        return new AuditEntry(
                AuditType.DECISION,
                "acme",
                "m" + (i % 20),
                "jae@acme.test",
                "engine",
                "pricing",
                "DENY",
                "fga",
                Map.of(
                        "chunkSeq",
                        i,
                        "confidence",
                        0.91,
                        "reason",
                        "role junior_ae may not respond on pricing",
                        "trace",
                        List.of(Map.of("layer", "rules", "effect", "AUTO"), Map.of("layer", "fga", "effect", "DENY"))));
    }
}
