package app.proxyme.engine.fga;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.port.out.Leases;
import java.time.Duration;
import java.util.Objects;

/**
 * One instance at a time writes the FGA store's model, and keeps the lease until the change it wrote the model for is
 * stored. A model is built from the stored policies, so a model another instance built meanwhile would lack the change
 * not yet stored and, written last, would win. Embedded mode writes no model ({@link #NONE}).
 */
public final class RemoteModelLease {
    /** The lease's name in {@code leases}. */
    public static final String NAME = "fga-model";

    /** Embedded mode: nothing to hold. */
    public static final RemoteModelLease NONE = new RemoteModelLease(null, Duration.ZERO);

    /** How long a holder that stopped keeps others waiting; a policy change's remote writes end well before. */
    static final Duration TTL = Duration.ofSeconds(60);

    private static final System.Logger LOG = System.getLogger(RemoteModelLease.class.getName());
    private static final long POLL_MS = 50;

    private final Leases leases;
    private final Duration wait;

    /**
     * @param leases the leases the instances share
     * @param wait how long to wait for another instance's hold before giving up
     */
    public RemoteModelLease(Leases leases, Duration wait) {
        this.leases = leases;
        this.wait = Objects.requireNonNull(wait, "wait");
    }

    /** A hold on the lease; closing it gives the lease up. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the lease, waiting while another instance holds it.
     *
     * @throws DomainException (conflict) when another instance still holds it after the wait; nothing changed
     */
    public Held hold() {
        if (leases == null) {
            return () -> {};
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (!leases.hold(NAME, TTL)) {
            if (System.nanoTime() - deadline > 0) {
                throw DomainException.conflict(
                        "another instance is writing the FGA model for a policy change; nothing changed, try again");
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DomainException.conflict("interrupted while waiting to write the FGA model; nothing changed");
            }
        }
        return this::release;
    }

    private void release() {
        try {
            leases.release(NAME);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "the FGA model lease could not be given up; it expires in " + TTL.toSeconds() + " s: "
                            + e.getMessage());
        }
    }
}
