package app.proxyme.domain.fakes;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.chunk.ChunkListener;
import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.flow.FlowEvent;
import app.proxyme.domain.pipeline.ChunkPipeline;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.policy.TopicCatalog;
import app.proxyme.domain.port.out.TopicClassifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A whole pipeline over in-memory ports, with knobs to make each dependency fail. */
public final class TestWorld {
    public Instant now = Instant.parse("2026-11-23T10:00:00Z");

    public final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    public final MatrixRelationshipCheck fga = Fixtures.demoMatrix();
    public final InMemoryStores.Suggestions suggestions = new InMemoryStores.Suggestions();
    public final InMemoryStores.Audit audit = new InMemoryStores.Audit(clock);
    public final InMemoryStores.Meetings meetings = new InMemoryStores.Meetings();
    /** What the classifier says of a text: of a chunk, and (its ranked topics) of a drafted answer. */
    public final Map<String, Classification> classifications = new HashMap<>();

    public final RecordingStepUpApproval stepUp = new RecordingStepUpApproval();
    public final List<Suggestion> decided = new ArrayList<>();
    public Function<String, String> generator = q -> "Here is our answer to: " + q;
    public boolean classifierDown;
    /** Texts the classifier fails on, as if it went down just then. */
    public final java.util.Set<String> classifierFailsOn = new java.util.HashSet<>();

    public int generated;

    public final InMemoryPolicyStore policies = new InMemoryPolicyStore()
            .put(Fixtures.JAE)
            .put(Fixtures.AE)
            .put(Fixtures.SAM_GLOBEX)
            .put(new OrgPolicy("acme", Fixtures.catalog("acme"), List.of(), Fixtures.SETTINGS))
            .put(new OrgPolicy("globex", Fixtures.catalog("globex"), List.of(), Fixtures.SETTINGS));

    public final InMemoryTokenVault vault = new InMemoryTokenVault(fga, clock);

    /** Accepts the chunk, then decides it, as the overlay's socket does. */
    public app.proxyme.domain.chunk.ChunkResult handle(
            app.proxyme.domain.policy.Member member,
            app.proxyme.domain.chunk.Chunk chunk,
            app.proxyme.domain.chunk.ChunkListener out) {
        ChunkPipeline pipeline = pipeline();
        pipeline.accept(member, chunk);
        return pipeline.process(member, chunk, out);
    }

    public ChunkPipeline pipeline() {
        return new ChunkPipeline(new ChunkPipeline.Ports(
                policies,
                meetings,
                new TopicClassifier() {
                    @Override
                    public Classification classify(TopicCatalog catalog, String text) {
                        return scripted(text);
                    }

                    /**
                     * The scripted classification's topics, whether or not it was scripted as a question. An answer
                     * read after its question ("question\nanswer") that was not scripted reads as the answer alone.
                     */
                    @Override
                    public List<TopicScore> rankAnswer(TopicCatalog catalog, String answer) {
                        if (!classifications.containsKey(answer) && answer.contains("\n")) {
                            return scripted(answer.substring(answer.lastIndexOf('\n') + 1))
                                    .ranked();
                        }
                        return scripted(answer).ranked();
                    }
                },
                fga,
                vault,
                (member, topic, question, token) -> {
                    generated++;
                    return generator.apply(question);
                },
                stepUp,
                suggestions,
                audit,
                clock));
    }

    private Classification scripted(String text) {
        if (classifierDown || classifierFailsOn.contains(text)) {
            throw new DependencyUnavailableException("classifier", "down");
        }
        return Optional.ofNullable(classifications.get(text))
                .orElseThrow(() -> new AssertionError("no classification scripted for: " + text));
    }

    /** Records what a chunk produced, and how many audit events existed when its decision was shown. */
    public static final class Recorder implements ChunkListener {
        private final InMemoryStores.Audit audit;
        public final List<FlowEvent> flows = new ArrayList<>();
        public final List<Decision> decisions = new ArrayList<>();
        public final List<Suggestion> suggestions = new ArrayList<>();
        public final List<Integer> auditSizeAtDecision = new ArrayList<>();
        public final List<String> failures = new ArrayList<>();

        public Recorder(InMemoryStores.Audit audit) {
            this.audit = audit;
        }

        @Override
        public void emit(FlowEvent event) {
            flows.add(event);
        }

        @Override
        public void decision(Decision decision) {
            auditSizeAtDecision.add(audit.records.size());
            decisions.add(decision);
        }

        @Override
        public void suggestion(Suggestion suggestion) {
            suggestions.add(suggestion);
        }

        @Override
        public void suggestionFailed(String reason) {
            failures.add(reason);
        }
    }
}
