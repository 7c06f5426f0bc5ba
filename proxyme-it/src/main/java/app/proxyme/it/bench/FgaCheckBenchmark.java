package app.proxyme.it.bench;

import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.engine.policy.file.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
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
 * A warm relationship check of the embedded FGA on the product's model, beside jCasbin (RBAC) enforcing the
 * same role matrix, over the same rotating (user, topic, relation) questions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class FgaCheckBenchmark {
    private static final String CASBIN_RBAC = """
            [request_definition]
            r = sub, obj, act
            [policy_definition]
            p = sub, obj, act
            [role_definition]
            g = _, _
            [policy_effect]
            e = some(where (p.eft == allow))
            [matchers]
            m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
            """;

    private RelationshipCheck fga;
    private Enforcer casbin;
    private List<RelationshipQuery> questions;
    private int next;

    @Setup
    public void setUp() {
        var world = new DemoWorld();
        fga = world.fga;
        casbin = new Enforcer(Model.newModelFromString(CASBIN_RBAC));
        questions = new ArrayList<>();
        world.document.roles().forEach((role, spec) -> {
            String roleId = "role:acme/" + role;
            for (String topic : world.document.topics().keySet()) {
                String object = RelationshipCheck.topic("acme", topic);
                if (spec.auto().contains(topic)) {
                    casbin.addPolicy(roleId, object, RelationshipCheck.CAN_AUTO_RESPOND);
                }
                if (spec.auto().contains(topic) || spec.approve().contains(topic)) {
                    casbin.addPolicy(roleId, object, RelationshipCheck.CAN_RESPOND_WITH_APPROVAL);
                }
            }
        });
        world.members.forEach(
                m -> casbin.addGroupingPolicy(RelationshipCheck.user(m.email()), "role:acme/" + m.role()));
        for (var m : world.members) {
            for (String topic : world.document.topics().keySet()) {
                for (String relation :
                        List.of(RelationshipCheck.CAN_AUTO_RESPOND, RelationshipCheck.CAN_RESPOND_WITH_APPROVAL)) {
                    questions.add(new RelationshipQuery(
                            RelationshipCheck.user(m.email()), relation, RelationshipCheck.topic("acme", topic)));
                }
            }
        }
        verifySameAnswers(world.document);
    }

    /** Both engines must agree on every question, or the comparison means nothing. */
    private void verifySameAnswers(PolicyDocument document) {
        for (RelationshipQuery q : questions) {
            boolean ours = fga.check(List.of(q)).get(0);
            boolean theirs = casbin.enforce(q.user(), q.object(), q.relation());
            if (ours != theirs) {
                throw new IllegalStateException("engines disagree on " + q + ": ours " + ours + ", casbin " + theirs);
            }
        }
    }

    @Benchmark
    public List<Boolean> embeddedFga() {
        return fga.check(List.of(questions.get(next++ % questions.size())));
    }

    @Benchmark
    public boolean jcasbinRbac() {
        RelationshipQuery q = questions.get(next++ % questions.size());
        return casbin.enforce(q.user(), q.object(), q.relation());
    }
}
