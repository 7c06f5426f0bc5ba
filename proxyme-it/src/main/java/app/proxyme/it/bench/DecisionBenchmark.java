package app.proxyme.it.bench;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.flow.Flow;
import app.proxyme.domain.flow.FlowEvent;
import app.proxyme.domain.layers.DecisionRequest;
import app.proxyme.domain.layers.PolicyDecider;
import app.proxyme.domain.policy.Member;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine's decision given a classification: the three layers over the embedded FGA, the trace and the flow
 * events (collected, as the runtime does). Percentiles come from JMH's sample mode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class DecisionBenchmark {
    /** Which case: one confident topic, or three plausible topics (the ambiguous path evaluates all three). */
    @Param({"confident", "ambiguous"})
    public String shape;

    private PolicyDecider decider;
    private DecisionRequest request;

    @Setup
    public void setUp() {
        var world = new DemoWorld();
        decider = new PolicyDecider(world.fga);
        Member jae = world.member("jae@acme.test");
        Classification c = shape.equals("confident")
                ? new Classification(
                        true, 0.9, List.of(new TopicScore("security", 0.92), new TopicScore("product", 0.05)))
                : new Classification(
                        true,
                        0.9,
                        List.of(
                                new TopicScore("product", 0.40),
                                new TopicScore("security", 0.35),
                                new TopicScore("commitment", 0.20)));
        request = new DecisionRequest(
                jae,
                "do you support single sign on with okta",
                c,
                world.policy.catalog(),
                world.policy.rules(),
                Set.of(),
                world.policy.settings());
    }

    @Benchmark
    public Decision decide(Blackhole bh) {
        Flow flow = (FlowEvent e) -> bh.consume(e);
        return decider.decide(request, flow);
    }
}
