package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.port.out.Leases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Leases in the {@code leases} table. Taking one is a single conditional update (held by this instance, or expired),
 * or the insert of a lease nobody held yet; the database's row lock and primary key decide between instances racing
 * for it.
 */
final class JpaLeases implements Leases {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Tx tx;
    private final String instance;
    private final Clock clock;

    JpaLeases(Tx tx, String instance, Clock clock) {
        this.tx = tx;
        this.instance = Objects.requireNonNull(instance, "instance");
        this.clock = clock;
    }

    @Override
    public boolean hold(String name, Duration ttl) {
        check(name);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease lives for a positive time: " + ttl);
        }
        long now = clock.millis();
        long until = now + ttl.toMillis();
        int taken = tx.write(em -> em.createNativeQuery("UPDATE leases SET holder = ?1, expires_at = ?2"
                        + " WHERE name = ?3 AND (holder = ?1 OR expires_at < ?4)")
                .setParameter(1, instance)
                .setParameter(2, until)
                .setParameter(3, name)
                .setParameter(4, now)
                .executeUpdate());
        if (taken == 1) {
            return true;
        }
        try {
            tx.run(em -> em.createNativeQuery("INSERT INTO leases (name, holder, expires_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, name)
                    .setParameter(2, instance)
                    .setParameter(3, until)
                    .executeUpdate());
            return true;
        } catch (DependencyUnavailableException e) {
            // the lease exists (another instance holds it, or inserted it first): ours only if the row says so
            return holder(name).map(h -> h.instance().equals(instance)).orElseThrow(() -> e);
        }
    }

    @Override
    public void release(String name) {
        check(name);
        tx.run(em -> em.createNativeQuery("DELETE FROM leases WHERE name = ?1 AND holder = ?2")
                .setParameter(1, name)
                .setParameter(2, instance)
                .executeUpdate());
    }

    @Override
    public Optional<Holder> holder(String name) {
        check(name);
        List<?> rows = tx.read(em -> em.createNativeQuery("SELECT holder, expires_at FROM leases WHERE name = ?1")
                .setParameter(1, name)
                .getResultList());
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new Holder((String) r[0], ((Number) r[1]).longValue()))
                .findFirst();
    }

    @Override
    public int forgetExpired(String prefix, Duration ago) {
        check(prefix + "x");
        long before = clock.millis() - ago.toMillis();
        return tx.write(em -> em.createNativeQuery("DELETE FROM leases WHERE name LIKE ?1 AND expires_at < ?2")
                .setParameter(1, prefix.replace("_", "\\_") + "%")
                .setParameter(2, before)
                .executeUpdate());
    }

    @Override
    public String instance() {
        return instance;
    }

    private static void check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a lease name is 1-64 of [a-z0-9._-]: " + name);
        }
    }
}
