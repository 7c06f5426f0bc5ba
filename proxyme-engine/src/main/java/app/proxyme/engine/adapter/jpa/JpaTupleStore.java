package app.proxyme.engine.adapter.jpa;

import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleCondition;
import app.proxyme.engine.fga.TupleStore;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * FGA tuples in the {@code fga_tuples} table, with their condition and stored context (one tuple per key: writing a
 * tuple again replaces its condition); the version moves with every write here or on another instance.
 */
final class JpaTupleStore implements TupleStore {
    private final Tx tx;
    private final AtomicLong version;
    private final CacheTrust trust;

    JpaTupleStore(Tx tx, AtomicLong version, CacheTrust trust) {
        this.tx = tx;
        this.version = version;
        this.trust = trust;
    }

    @Override
    public void write(Collection<Tuple> tuples) {
        tx.run(em -> {
            for (Tuple t : tuples) {
                TupleEntity e = em.find(TupleEntity.class, key(t));
                if (e == null) {
                    e = new TupleEntity(t.object(), t.relation(), t.user());
                    em.persist(e);
                }
                e.condition = t.conditionName();
                e.conditionContext = t.condition() == null
                        ? null
                        : JsonText.ofObject(t.condition().context());
            }
        });
        version.incrementAndGet();
    }

    @Override
    public void delete(Collection<Tuple> tuples) {
        tx.run(em -> {
            for (Tuple t : tuples) {
                TupleEntity e = em.find(TupleEntity.class, key(t));
                if (e != null) {
                    em.remove(e);
                }
            }
        });
        version.incrementAndGet();
    }

    @Override
    public List<Tuple> read(String objectPrefix) {
        String prefix = objectPrefix == null ? "" : objectPrefix;
        return tx.read(em -> em
                .createQuery(
                        "select t from TupleEntity t where t.object like :p order by t.object, t.relation, t.user",
                        TupleEntity.class)
                .setParameter(
                        "p", prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .getResultList()
                .stream()
                .map(JpaTupleStore::tuple)
                .toList());
    }

    @Override
    public long version() {
        // untrusted, every read sees a new version: the evaluator reloads the tuples instead of using its index
        return trust.trusted() ? version.get() : version.incrementAndGet();
    }

    private static Tuple tuple(TupleEntity e) {
        return new Tuple(
                e.object,
                e.relation,
                e.user,
                e.condition == null ? null : new TupleCondition(e.condition, JsonText.object(e.conditionContext)));
    }

    private static TupleKey key(Tuple t) {
        return new TupleKey(t.object(), t.relation(), t.user());
    }
}
