package app.proxyme.domain.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * Named leases in the database that every instance shares, so that a job runs on one instance at a time and moves
 * to another when its holder dies: the holder renews its lease each time it runs the job; a lease not renewed within
 * its time-to-live may be taken by another instance.
 */
public interface Leases {
    /**
     * Takes the lease {@code name} for this instance, or renews it if this instance holds it, for {@code ttl}.
     *
     * @return whether this instance holds the lease now (another instance does not until it expires)
     */
    boolean hold(String name, Duration ttl);

    /** Gives up the lease {@code name} if this instance holds it, so that another need not wait for it to expire. */
    void release(String name);

    /** Who holds {@code name} until when, if anyone does. */
    Optional<Holder> holder(String name);

    /** An instance's hold on a lease, until {@code expiresAtMillis} (epoch). */
    record Holder(String instance, long expiresAtMillis) {}

    /** Deletes the leases named {@code prefix}{@code *} that expired more than {@code ago} ago; returns how many. */
    int forgetExpired(String prefix, java.time.Duration ago);

    /** This instance's id in the leases it holds. */
    String instance();
}
