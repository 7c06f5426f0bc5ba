package app.proxyme.domain.port.out.contract;

import app.proxyme.domain.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** What the port contract tests share: fresh organisation ids and a clock the test moves. */
public final class Contracts {
    private Contracts() {}

    /**
     * An organisation id no other test uses, so that a contract can run against a database that other tests (and
     * earlier runs of the same contract) have written to.
     */
    public static String freshOrg() {
        return "c" + Ids.next("o").substring(2, 14);
    }

    /** A clock that stands still until the test moves it. */
    public static final class MovableClock extends Clock {
        private volatile Instant now;

        public MovableClock(Instant start) {
            this.now = start;
        }

        public void set(Instant instant) {
            now = instant;
        }

        public void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
