package app.proxyme.web.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InboundPaceTest {
    @Test
    void a_burst_is_read_at_once_and_the_rest_at_the_rate() throws InterruptedException {
        var pace = new InboundPace(10);
        long start = System.nanoTime();
        for (int i = 0; i < InboundPace.BURST; i++) {
            pace.awaitTurn();
        }
        long burst = System.nanoTime() - start;
        for (int i = 0; i < 10; i++) {
            pace.awaitTurn();
        }
        long all = System.nanoTime() - start;

        assertTrue(burst < 500_000_000L, "the burst waits for nothing: " + burst / 1_000_000 + " ms");
        assertTrue(all >= 800_000_000L, "ten more at ten a second take about a second: " + all / 1_000_000 + " ms");
    }

    @Test
    void zero_means_no_pacing_and_a_negative_rate_is_refused() throws InterruptedException {
        var unpaced = new InboundPace(0);
        long start = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            unpaced.awaitTurn();
        }
        assertTrue(System.nanoTime() - start < 1_000_000_000L);
        assertThrows(IllegalArgumentException.class, () -> new InboundPace(-1));
    }
}
