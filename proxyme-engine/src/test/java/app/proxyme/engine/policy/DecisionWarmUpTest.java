package app.proxyme.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.pipeline.ChunkPipeline;
import app.proxyme.domain.policy.TopicCatalog;
import app.proxyme.domain.port.out.TopicClassifier;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.adapter.nlp.LocalTopicClassifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionWarmUpTest {
    @TempDir
    Path dir;

    private Database db;
    private final AtomicInteger classified = new AtomicInteger();
    private final AtomicInteger answersRanked = new AtomicInteger();
    private final Set<String> organisationsHeard = new HashSet<>();
    private final TopicClassifier real = new LocalTopicClassifier();
    private boolean failing;

    @BeforeEach
    void seededDatabase() {
        db = Database.open(Database.h2FileUrl(dir), "sa", "");
        new PolicySeeder(db.policyAdmin()).seed();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private DecisionWarmUp warmUp(int decisions, Duration budget) {
        TopicClassifier counting = new TopicClassifier() {
            @Override
            public Classification classify(TopicCatalog catalog, String text) {
                if (failing) {
                    throw new IllegalStateException("model file missing");
                }
                classified.incrementAndGet();
                organisationsHeard.add(catalog.org());
                return real.classify(catalog, text);
            }

            @Override
            public java.util.List<app.proxyme.domain.decision.TopicScore> rankAnswer(
                    TopicCatalog catalog, String answer) {
                answersRanked.incrementAndGet();
                return real.rankAnswer(catalog, answer);
            }
        };
        var ports = new ChunkPipeline.Ports(
                db.policyStore(),
                db.meetingStore(),
                counting,
                new EmbeddedRelationshipCheck(db.tupleStore()),
                null,
                null,
                null,
                db.suggestionStore(),
                null,
                Clock.systemUTC());
        return new DecisionWarmUp(
                db.policyAdmin(), db.policyStore(), new ChunkPipeline(ports), Clock.systemUTC(), decisions, budget);
    }

    @Test
    void the_real_classifier_and_decider_hear_every_organisations_examples_without_a_record() {
        long auditBefore = db.auditEvents("acme", 1, Long.MAX_VALUE).size();

        int ran = warmUp(200, Duration.ofMinutes(1)).warmUp();

        assertEquals(200, ran);
        assertTrue(classified.get() > 200, "200 decisions, then one per playbook answer: " + classified.get());
        assertTrue(answersRanked.get() > 0, "the playbook answers went through the output check");
        assertEquals(Set.of("acme", "globex"), organisationsHeard);
        assertEquals(auditBefore, db.auditEvents("acme", 1, Long.MAX_VALUE).size(), "a dry run records nothing");
    }

    @Test
    void the_budget_bounds_the_warm_up_whatever_the_count() {
        int ran = warmUp(Integer.MAX_VALUE, Duration.ofMillis(300)).warmUp();

        assertTrue(ran > 0 && ran < Integer.MAX_VALUE, "ran " + ran);
    }

    @Test
    void a_failing_warm_up_never_fails_the_start() {
        failing = true;

        assertEquals(0, warmUp(100, Duration.ofMinutes(1)).warmUp());
    }
}
