package app.proxyme.engine.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleCondition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RelationshipCheck} adapter promises about conditional relationships: a tuple written with a
 * condition and stored context counts only while the condition holds for the stored context merged with the query's
 * (the stored value winning); a missing or mistyped value makes the answer {@code false}, never an outage and never a
 * grant. Extended once per adapter (embedded, and OpenFGA through the SDK against the stub).
 */
public abstract class ConditionalCheckContractTest {
    protected static final FgaModel MODEL = FgaModel.fromDsl("""
            model
              schema 1.1
            type user
            type role
              relations
                define assignee: [user]
            type topic
              relations
                define auto_responder: [role#assignee, role#assignee with below_limit]
            condition below_limit(deal_size: int, limit: int) {
              deal_size < limit
            }
            """);

    private static final String AE = "user:ae@acme.test";
    private static final String PRICING = "topic:acme/pricing";
    private static final String PRODUCT = "topic:acme/product";

    /** The adapter under test, answering over {@link #MODEL} and the tuples given to {@link #write}. */
    protected abstract RelationshipCheck subject();

    /** Writes the tuples where the adapter reads them (its store, or the server through the adapter's writes). */
    protected abstract void write(List<Tuple> tuples);

    @BeforeEach
    void grants() {
        write(List.of(
                new Tuple("role:acme/ae", "assignee", AE),
                new Tuple(
                        PRICING,
                        "auto_responder",
                        "role:acme/ae#assignee",
                        new TupleCondition("below_limit", Map.of("limit", 50000))),
                new Tuple(PRODUCT, "auto_responder", "role:acme/ae#assignee")));
    }

    private boolean pricing(Map<String, Object> context) {
        return subject()
                .check(List.of(new RelationshipQuery(AE, "auto_responder", PRICING, context)))
                .getFirst();
    }

    @Test
    void a_conditional_relationship_holds_only_while_its_condition_does() {
        assertEquals(true, pricing(Map.of("deal_size", 30000)));
        assertEquals(false, pricing(Map.of("deal_size", 60000)));
    }

    @Test
    void a_missing_or_mistyped_value_is_false_not_a_grant_nor_an_outage() {
        assertEquals(false, pricing(Map.of()));
        assertEquals(false, pricing(Map.of("deal_size", "thirty thousand")));
    }

    @Test
    void the_value_stored_with_the_tuple_wins_over_the_query() {
        assertEquals(false, pricing(Map.of("deal_size", 60000, "limit", 1_000_000)));
    }

    @Test
    void answers_keep_the_order_and_an_unconditional_relationship_ignores_the_context() {
        var answers = subject()
                .check(List.of(
                        new RelationshipQuery(AE, "auto_responder", PRODUCT, Map.of("deal_size", 60000)),
                        new RelationshipQuery(AE, "auto_responder", PRICING, Map.of("deal_size", 60000)),
                        new RelationshipQuery(AE, "auto_responder", PRICING, Map.of("deal_size", 10))));

        assertEquals(List.of(true, false, true), answers);
    }
}
