package app.proxyme.domain.port.out;

/**
 * Whether this instance may trust its caches of state that other instances share through the database (policies,
 * members, relationship tuples). When it may not — the channel that tells it of other instances' changes is down —
 * the adapters read through to the database on every use instead of deciding on a stale copy.
 */
public interface SharedCaches {
    /**
     * @param trusted whether cached copies are used
     * @param how what keeps them right, or why they are not trusted (for {@code /health})
     */
    record State(boolean trusted, String how) {}

    State state();
}
