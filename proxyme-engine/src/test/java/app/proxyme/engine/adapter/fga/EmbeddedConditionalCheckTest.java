package app.proxyme.engine.adapter.fga;

import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.engine.adapter.ConditionalCheckContractTest;
import app.proxyme.engine.fga.InMemoryTupleStore;
import app.proxyme.engine.fga.Tuple;
import java.util.List;

/** The embedded adapter evaluates conditions in process. */
class EmbeddedConditionalCheckTest extends ConditionalCheckContractTest {
    private final InMemoryTupleStore tuples = new InMemoryTupleStore();
    private final EmbeddedRelationshipCheck check = new EmbeddedRelationshipCheck(MODEL, tuples);

    @Override
    protected RelationshipCheck subject() {
        return check;
    }

    @Override
    protected void write(List<Tuple> t) {
        tuples.write(t);
    }
}
