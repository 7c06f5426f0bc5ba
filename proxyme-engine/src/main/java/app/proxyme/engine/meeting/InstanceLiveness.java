package app.proxyme.engine.meeting;

import app.proxyme.domain.port.out.Leases;
import java.time.Clock;
import java.time.Duration;

/**
 * Which instances sharing the database are running: each renews its lease {@code alive.<instance>} every
 * {@link #BEAT}; one that has not for {@link #STOPPED_AFTER} has stopped (killed, cut off or shut down).
 */
public final class InstanceLiveness {
    /** How often an instance says it is alive. */
    public static final Duration BEAT = Duration.ofSeconds(5);
    /** Silent this long, an instance counts as stopped. */
    static final Duration STOPPED_AFTER = Duration.ofSeconds(15);
    /** How long a stopped instance's lease is kept. */
    static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    private final Leases leases;
    private final Clock clock;

    public InstanceLiveness(Leases leases, Clock clock) {
        this.leases = leases;
        this.clock = clock;
    }

    /** Says that this instance is alive, for {@link #STOPPED_AFTER}. */
    public void beat() {
        leases.hold(lease(leases.instance()), STOPPED_AFTER);
    }

    /**
     * Forgets instances that stopped more than a day ago (each start on PostgreSQL is a new instance id); their
     * chunks were recorded as abandoned long before.
     *
     * @return how many were forgotten
     */
    public int forgetLongStopped() {
        return leases.forgetExpired(lease(""), FORGOTTEN_AFTER);
    }

    /** Whether {@code instance} (this one, or one that said so lately) runs; an unknown one ({@code null}) does not. */
    public boolean alive(String instance) {
        if (instance == null) {
            return false;
        }
        if (instance.equals(leases.instance())) {
            return true;
        }
        return leases.holder(lease(instance))
                .filter(h -> h.instance().equals(instance) && h.expiresAtMillis() >= clock.millis())
                .isPresent();
    }

    static String lease(String instance) {
        return "alive." + instance;
    }
}
