package app.proxyme.it.bench;

import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm conditional check of the embedded FGA: the product model's {@code can_auto_respond} (intersection with the
 * organisation, exclusion of blocked) where the role's {@code auto_responder} tuple carries a CEL condition on the
 * meeting's deal size, asked with a context whose deal size rotates on both sides of the limit (so the answer is never
 * cached and CEL runs on every call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ConditionalFgaCheckBenchmark {
    private static final String MODEL = """
            model
              schema 1.1
            type user
            type organization
              relations
                define member: [user, role#assignee]
            type role
              relations
                define organization: [organization]
                define assignee: [user]
            type topic
              relations
                define organization: [organization]
                define auto_responder: [role#assignee, role#assignee with deal_below]
                define blocked: [user, role#assignee]
                define can_auto_respond: (auto_responder and member from organization) but not blocked
            condition deal_below(deal_size: int, limit: int) {
              deal_size < limit
            }
            """;

    private RelationshipCheck fga;
    private List<RelationshipQuery> questions;
    private int next;

    @Setup
    public void setUp() {
        var tuples = new InMemoryTupleStore();
        tuples.write(List.of(
                new Tuple("role:acme/ae", "assignee", "user:ae@acme.test"),
                new Tuple("role:acme/ae", "organization", "organization:acme"),
                new Tuple("organization:acme", "member", "role:acme/ae#assignee"),
                new Tuple("topic:acme/pricing", "organization", "organization:acme"),
                new Tuple(
                        "topic:acme/pricing",
                        "auto_responder",
                        "role:acme/ae#assignee",
                        new TupleCondition("deal_below", Map.of("limit", 50_000)))));
        fga = new EmbeddedRelationshipCheck(FgaModel.fromDsl(MODEL), tuples);
        questions = new ArrayList<>();
        for (int deal = 0; deal < 100_000; deal += 997) {
            questions.add(new RelationshipQuery(
                    "user:ae@acme.test",
                    RelationshipCheck.CAN_AUTO_RESPOND,
                    "topic:acme/pricing",
                    Map.of("deal_size", deal)));
        }
        for (RelationshipQuery q : questions) {
            boolean expected = (int) q.context().get("deal_size") < 50_000;
            if (fga.check(List.of(q)).getFirst() != expected) {
                throw new IllegalStateException("wrong answer for " + q);
            }
        }
    }

    @Benchmark
    public List<Boolean> conditionalCheck() {
        return fga.check(List.of(questions.get(next++ % questions.size())));
    }
}
