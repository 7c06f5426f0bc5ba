package app.proxyme.domain.port.out;

import app.proxyme.domain.aci.Chain;
import app.proxyme.domain.aci.Delivery;
import app.proxyme.domain.aci.Hop;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Chains, their hops and the agents' inboxes, shared by every instance: an item is taken by exactly one inbox read,
 * and a revoked chain's untaken items are withdrawn.
 */
public interface Handoffs {
    void startChain(Chain chain);

    Optional<Chain> chain(String chainId);

    /** The organisation's chains, newest first, at most {@code limit}; those of {@code user} only when not null. */
    List<Chain> chains(String org, String user, int limit);

    /** Marks the chain revoked and withdraws its untaken deliveries; false when it was already revoked. */
    boolean revokeChain(String org, String chainId);

    /** Saves the hop, replacing an earlier state of it. */
    void save(Hop hop);

    Optional<Hop> hop(String handoffId);

    /** A chain's hops, oldest first. */
    List<Hop> hops(String org, String chainId);

    /** How many hops of the chain were recorded at or after {@code since} (the hop-rate anomaly). */
    int recentHops(String org, String chainId, Instant since);

    /** Puts work into an agent's inbox. */
    void deliver(Delivery delivery);

    /** Takes up to {@code max} items from the agent's inbox, oldest first; each item is taken once. */
    List<Delivery> take(String org, String agent, int max);

    /** Withdraws the untaken items the user's chains delivered to the agent; returns how many. */
    int withdraw(String org, String user, String agent);
}
