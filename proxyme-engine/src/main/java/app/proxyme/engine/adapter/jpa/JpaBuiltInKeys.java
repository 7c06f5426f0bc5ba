package app.proxyme.engine.adapter.jpa;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The built-in agents' private signing keys (JWK JSON) in {@code aci_builtin_keys}: the first instance to need one
 * creates it, and every instance signs with that one.
 */
public final class JpaBuiltInKeys {
    private final Tx tx;
    private final Clock clock;

    JpaBuiltInKeys(Tx tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** The agent's key: the stored one, else {@code fresh} stored (unless another instance stored one first). */
    public String keyOf(String agent, Supplier<String> fresh) {
        return stored(agent).orElseGet(() -> {
            String jwk = fresh.get();
            try {
                tx.run(em -> em.createNativeQuery(
                                "INSERT INTO aci_builtin_keys (agent_id, private_jwk, created_at)"
                                        + " SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM aci_builtin_keys WHERE agent_id = ?1)")
                        .setParameter(1, agent)
                        .setParameter(2, jwk)
                        .setParameter(3, clock.millis())
                        .executeUpdate());
            } catch (app.proxyme.domain.DependencyUnavailableException raced) {
                // another instance stored its key at the same moment: that one is read below
            }
            return stored(agent).orElseThrow(() -> new IllegalStateException("no key stored for " + agent));
        });
    }

    private Optional<String> stored(String agent) {
        return tx
                .read(em -> em.createNativeQuery("SELECT private_jwk FROM aci_builtin_keys WHERE agent_id = ?1")
                        .setParameter(1, agent)
                        .getResultList())
                .stream()
                .map(String.class::cast)
                .findFirst();
    }
}
