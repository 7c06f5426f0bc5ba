package app.proxyme.engine.adapter.fga;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.contract.RelationshipCheckContractTest;
import app.proxyme.engine.fga.InMemoryTupleStore;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleStore;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.policy.file.PolicyTuples;
import app.proxyme.engine.testsupport.PolicyDocuments;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedded adapter keeps the relationship-check contract over an in-memory tuple store (over the database's tuple
 * table it runs in {@code PersistenceContractTest}), and answers the product's model as PRODUCT.md says: the shipped
 * demo policies, tuples that no policy document writes (a foreign role, a directly blocked user).
 */
class EmbeddedRelationshipCheckTest extends RelationshipCheckContractTest {
    private static final List<String> DEMO_TOPICS = List.of(
            "product",
            "security",
            "pricing",
            "commitment",
            "roadmap",
            "legal",
            "competitors",
            "personnel",
            "scheduling",
            "smalltalk");

    private final InMemoryTupleStore tuples = new InMemoryTupleStore();
    private volatile boolean unreadable;
    private final EmbeddedRelationshipCheck check = new EmbeddedRelationshipCheck(new TupleStore() {
        @Override
        public void write(Collection<Tuple> t) {
            tuples.write(t);
        }

        @Override
        public void delete(Collection<Tuple> t) {
            tuples.delete(t);
        }

        @Override
        public List<Tuple> read(String prefix) {
            if (unreadable) {
                throw new IllegalStateException("database down");
            }
            return tuples.read(prefix);
        }

        @Override
        public long version() {
            return tuples.version();
        }
    });

    @Override
    protected RelationshipCheck subject() {
        return check;
    }

    @Override
    protected void grant(Grants grants) {
        PolicyDocuments.replaceTuples(tuples, grants);
    }

    @Override
    protected void makeUnavailable() {
        unreadable = true;
    }

    @Test
    void the_shipped_demo_policies_answer_the_matrix_of_product_md() {
        tuples.write(PolicyTuples.of(PolicyFiles.demo("acme")));
        tuples.write(PolicyTuples.of(PolicyFiles.demo("globex")));

        assertEquals(
                List.of("AUTO", "APPROVE", "DENY", "APPROVE", "DENY", "DENY", "APPROVE", "DENY", "AUTO", "AUTO"),
                demoRow("jae@acme.test", "acme"));
        assertEquals(
                List.of("AUTO", "AUTO", "DENY", "APPROVE", "APPROVE", "DENY", "APPROVE", "DENY", "AUTO", "AUTO"),
                demoRow("se@acme.test", "acme"));
        assertEquals(
                List.of("AUTO", "APPROVE", "APPROVE", "APPROVE", "DENY", "DENY", "APPROVE", "DENY", "AUTO", "AUTO"),
                demoRow("ae@acme.test", "acme"));
        assertEquals(
                List.of("AUTO", "APPROVE", "AUTO", "APPROVE", "APPROVE", "APPROVE", "AUTO", "DENY", "AUTO", "AUTO"),
                demoRow("mgr@acme.test", "acme"));
        assertEquals(
                List.of("DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY"),
                demoRow("admin@acme.test", "acme"));
        assertEquals("AUTO", effect("sam@globex.test", "globex", "product").name());
        assertEquals(
                List.of("DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY"),
                demoRow("sam@globex.test", "acme"));
    }

    @Test
    void a_role_of_another_organisation_granted_on_a_topic_never_counts() {
        tuples.write(List.of(new Tuple(
                RelationshipCheck.topic(acme, "legal"),
                PolicyTuples.AUTO_RESPONDER,
                PolicyTuples.assignees(globex, "account_executive"))));

        assertEquals("DENY", effect(sam, acme, "legal").name());
    }

    @Test
    void a_directly_blocked_user_loses_what_the_role_grants() {
        assertEquals("AUTO", effect(ae, acme, "product").name());

        var block = List.of(
                new Tuple(RelationshipCheck.topic(acme, "product"), PolicyTuples.BLOCKED, RelationshipCheck.user(ae)));
        tuples.write(block);
        assertEquals("DENY", effect(ae, acme, "product").name());

        tuples.delete(block);
        assertEquals("AUTO", effect(ae, acme, "product").name());
    }

    private List<String> demoRow(String email, String org) {
        return DEMO_TOPICS.stream().map(t -> effect(email, org, t).name()).toList();
    }
}
