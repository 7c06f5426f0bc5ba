package app.proxyme.engine.adapter.fga;

import static org.junit.jupiter.api.Assertions.assertThrows;

import app.proxyme.domain.port.out.DependencyUnavailableException;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.engine.fga.InMemoryTupleStore;
import app.proxyme.engine.fga.RelationshipCheckContractTest;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleStore;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded adapter passes the relationship-check contract over an in-memory tuple store. */
class EmbeddedRelationshipCheckTest extends RelationshipCheckContractTest {
    private final InMemoryTupleStore tuples = new InMemoryTupleStore();
    private final EmbeddedRelationshipCheck check = new EmbeddedRelationshipCheck(tuples);

    @Override
    protected RelationshipCheck subject() {
        return check;
    }

    @Override
    protected void write(List<Tuple> add) {
        tuples.write(add);
    }

    @Override
    protected void delete(List<Tuple> remove) {
        tuples.delete(remove);
    }

    @Test
    void unreadable_tuples_make_the_check_unavailable() {
        var broken = new EmbeddedRelationshipCheck(new TupleStore() {
            @Override
            public void write(Collection<Tuple> t) {}

            @Override
            public void delete(Collection<Tuple> t) {}

            @Override
            public List<Tuple> read(String prefix) {
                throw new IllegalStateException("database down");
            }

            @Override
            public long version() {
                return 1;
            }
        });
        assertThrows(DependencyUnavailableException.class, () -> broken.check(List.of(new RelationshipQuery(
                "user:se@acme.test", RelationshipCheck.CAN_AUTO_RESPOND, "topic:acme/product"))));
    }
}
