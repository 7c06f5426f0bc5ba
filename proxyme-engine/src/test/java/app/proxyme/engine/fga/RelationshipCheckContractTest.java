package app.proxyme.engine.fga;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.policy.file.PolicyTuples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RelationshipCheck} adapter must do on the product's model, given the same tuples. Extended once
 * per adapter (embedded, and OpenFGA against a local stub).
 */
public abstract class RelationshipCheckContractTest {
    private static final List<String> TOPICS = List.of("product", "security", "pricing", "commitment", "roadmap",
            "legal", "competitors", "personnel", "scheduling", "smalltalk");

    /** The adapter under test, reading the tuples {@link #write} stores. */
    protected abstract RelationshipCheck subject();

    /** Stores tuples where the adapter reads them. */
    protected abstract void write(List<Tuple> tuples);

    /** Removes tuples. */
    protected abstract void delete(List<Tuple> tuples);

    @BeforeEach
    void demoOrganisations() {
        write(PolicyTuples.of(PolicyFiles.demo("acme")));
        write(PolicyTuples.of(PolicyFiles.demo("globex")));
    }

    @Test
    void answers_the_demo_matrix_of_product_md() {
        assertEquals(List.of("AUTO", "APPROVE", "DENY", "APPROVE", "DENY", "DENY", "APPROVE", "DENY", "AUTO", "AUTO"),
                row("jae@acme.test", "acme"));
        assertEquals(List.of("AUTO", "AUTO", "DENY", "APPROVE", "APPROVE", "DENY", "APPROVE", "DENY", "AUTO", "AUTO"),
                row("se@acme.test", "acme"));
        assertEquals(List.of("AUTO", "APPROVE", "APPROVE", "APPROVE", "DENY", "DENY", "APPROVE", "DENY", "AUTO",
                "AUTO"), row("ae@acme.test", "acme"));
        assertEquals(List.of("AUTO", "APPROVE", "AUTO", "APPROVE", "APPROVE", "APPROVE", "AUTO", "DENY", "AUTO",
                "AUTO"), row("mgr@acme.test", "acme"));
        assertEquals(List.of("DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY"),
                row("admin@acme.test", "acme"));
    }

    @Test
    void junior_ae_never_gets_pricing_and_nobody_crosses_organisations() {
        assertEquals("DENY", effect("jae@acme.test", "acme", "pricing"));
        assertEquals("AUTO", effect("sam@globex.test", "globex", "product"));
        assertEquals(List.of("DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY"),
                row("sam@globex.test", "acme"));
        assertEquals(List.of("DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY", "DENY"),
                row("mgr@acme.test", "globex"));
    }

    @Test
    void a_role_of_another_organisation_granted_on_a_topic_never_counts() {
        write(List.of(new Tuple("topic:acme/legal", PolicyTuples.AUTO_RESPONDER, "role:globex/account_executive#assignee")));

        assertEquals("DENY", effect("sam@globex.test", "acme", "legal"));
    }

    @Test
    void a_directly_blocked_user_loses_what_the_role_grants_and_a_write_is_seen_at_once() {
        assertEquals("AUTO", effect("se@acme.test", "acme", "product"));

        var block = List.of(new Tuple("topic:acme/product", PolicyTuples.BLOCKED, "user:se@acme.test"));
        write(block);
        assertEquals("DENY", effect("se@acme.test", "acme", "product"));

        delete(block);
        assertEquals("AUTO", effect("se@acme.test", "acme", "product"));
    }

    @Test
    void unknown_relations_and_topics_are_false_and_answers_keep_their_order() {
        var queries = new ArrayList<RelationshipQuery>();
        queries.add(new RelationshipQuery("user:se@acme.test", "can_delete", "topic:acme/product"));
        queries.add(new RelationshipQuery("user:se@acme.test", RelationshipCheck.CAN_AUTO_RESPOND, "topic:acme/nothing"));
        var expected = new ArrayList<>(List.of(false, false));
        for (int i = 0; i < 60; i++) { // more than one batch of a server
            String topic = TOPICS.get(i % TOPICS.size());
            queries.add(new RelationshipQuery("user:mgr@acme.test", RelationshipCheck.CAN_AUTO_RESPOND,
                    "topic:acme/" + topic));
            expected.add(List.of("product", "scheduling", "smalltalk", "competitors", "pricing").contains(topic));
        }

        assertEquals(expected, subject().check(queries));
    }

    private List<String> row(String email, String org) {
        return TOPICS.stream().map(t -> effect(email, org, t)).toList();
    }

    private String effect(String email, String org, String topic) {
        var answers = subject().check(List.of(
                new RelationshipQuery(RelationshipCheck.user(email), RelationshipCheck.CAN_AUTO_RESPOND,
                        RelationshipCheck.topic(org, topic)),
                new RelationshipQuery(RelationshipCheck.user(email), RelationshipCheck.CAN_RESPOND_WITH_APPROVAL,
                        RelationshipCheck.topic(org, topic))));
        return answers.get(0) ? "AUTO" : answers.get(1) ? "APPROVE" : "DENY";
    }
}
