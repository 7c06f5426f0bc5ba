package app.proxyme.engine.language;

import java.util.concurrent.atomic.AtomicLong;

/** A warning logged at most once per period, with the number of times it was held back in between. */
final class Throttled {
    private final System.Logger log;
    private final long periodNanos;
    private final AtomicLong last = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
    private final AtomicLong held = new AtomicLong();

    Throttled(System.Logger log, java.time.Duration period) {
        this.log = log;
        this.periodNanos = period.toNanos();
    }

    void warn(String message) {
        long now = System.nanoTime();
        long before = last.get();
        if (now - before >= periodNanos && last.compareAndSet(before, now)) {
            long more = held.getAndSet(0);
            log.log(System.Logger.Level.WARNING, more == 0 ? message : message + " (and " + more + " more since)");
        } else {
            held.incrementAndGet();
        }
    }
}
