package app.proxyme.web.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestLimiterTest {
    @Test
    void a_key_gets_its_rate_then_waits_and_other_keys_are_not_affected() {
        var limiter = new RequestLimiter(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.take("acme/jae@acme.test").isEmpty(), "request " + i);
        }
        Duration wait = limiter.take("acme/jae@acme.test").orElseThrow();
        assertTrue(wait.compareTo(Duration.ZERO) > 0 && wait.compareTo(Duration.ofSeconds(20)) <= 0, wait::toString);
        assertTrue(limiter.take("acme/admin@acme.test").isEmpty(), "another user has a bucket of their own");
    }

    @Test
    void zero_means_no_limit() {
        var limiter = new RequestLimiter(0);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(limiter.take("acme/jae@acme.test").isEmpty());
        }
    }
}
