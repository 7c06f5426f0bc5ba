package app.proxyme.domain.aci;

import java.util.Objects;

/** One check of a hop: passed or not, and how long it took in milliseconds. */
public record CheckOutcome(HopCheck check, boolean ok, double ms) {
    public CheckOutcome {
        Objects.requireNonNull(check, "check");
        if (ms < 0) {
            throw new IllegalArgumentException("negative duration");
        }
    }
}
