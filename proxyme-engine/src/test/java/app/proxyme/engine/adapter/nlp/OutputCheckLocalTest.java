package app.proxyme.engine.adapter.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.approval.SuggestionStatus;
import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.chunk.ChunkListener;
import app.proxyme.domain.chunk.ChunkResult;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.flow.FlowEvent;
import app.proxyme.domain.pipeline.ChunkPipeline;
import app.proxyme.domain.policy.Member;
import app.proxyme.engine.adapter.devices.EmbeddedStepUpApproval;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.adapter.jose.EmbeddedTokenVault;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.testsupport.TestKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output check (step 5 of the decision) with the real local classifier and generator, the embedded FGA, token
 * vault and database, no script: the demo organisation's product playbook is given an answer that quotes a price,
 * so a product question, which the role may answer on its own, draws an answer about pricing, which it may not.
 */
class OutputCheckLocalTest {
    /** A product answer that strays into pricing: what an admin might paste into a playbook. */
    static final String PRICED_ANSWER = "Yes, the Slack integration is included in the standard plan, which costs"
            + " 40 dollars per seat per month, billed annually.";

    private static final String QUESTION = "Does it connect to Slack so the team gets notified?";

    @TempDir
    Path dir;

    private Database db;
    private ChunkPipeline pipeline;

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir), "sa", "");
        PolicyDocument acme = PolicyFiles.demo("acme");
        var topics = new LinkedHashMap<>(acme.topics());
        var product = topics.get("product");
        topics.put(
                "product",
                new PolicyDocument.TopicSpec(product.description(), product.examples(), List.of(PRICED_ANSWER)));
        db.policyAdmin().createIfAbsent(acme.withTopics(topics));
        pipeline = localPipeline(db);
    }

    /** The chunk pipeline over {@code db} with the real local adapters: classifier, playbook, FGA, vault, audit. */
    static ChunkPipeline localPipeline(Database db) {
        var fga = new EmbeddedRelationshipCheck(db.tupleStore());
        var clock = Clock.systemUTC();
        return new ChunkPipeline(new ChunkPipeline.Ports(
                db.policyStore(),
                db.meetingStore(),
                new LocalTopicClassifier(),
                fga,
                new app.proxyme.engine.identity.RoleScopedVault(
                        fga, new EmbeddedTokenVault(TestKeys.rsa("vault"), clock)),
                new PlaybookResponseGenerator(),
                new EmbeddedStepUpApproval((held, binding) -> {}),
                db.suggestionStore(),
                db.auditLog(clock),
                clock));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_product_answer_quoting_a_price_is_refused_for_a_role_denied_pricing() {
        Member jae = member("jae@acme.test"); // junior_ae: product AUTO, pricing DENY
        var out = new Recorder();

        ChunkResult result = pipeline.process(jae, new Chunk("acme", "m-out", 1, "", QUESTION), out);

        assertEquals(Outcome.AUTO, out.decisions.get(0).outcome(), "the question itself: " + out.decisions);
        assertEquals("product", out.decisions.get(0).topic());
        Decision last = out.decisions.get(out.decisions.size() - 1);
        assertEquals(Outcome.DENY, last.outcome(), "after the output check: " + out.decisions);
        assertEquals(Layer.OUTPUT_CHECK, last.layer());
        assertEquals("output_check", last.layer().wire());
        assertTrue(last.reason().contains("pricing"), last.reason());
        assertInstanceOf(ChunkResult.Decided.class, result);
        assertTrue(out.suggestions.isEmpty(), "nothing shown: " + out.suggestions);
    }

    @Test
    void the_same_answer_is_held_for_a_role_that_may_discuss_pricing_with_approval() {
        Member ae = member("ae@acme.test"); // account_executive: product AUTO, pricing APPROVE
        var out = new Recorder();

        pipeline.process(ae, new Chunk("acme", "m-out", 1, "", QUESTION), out);

        Decision last = out.decisions.get(out.decisions.size() - 1);
        assertEquals(Outcome.APPROVE, last.outcome(), "after the output check: " + out.decisions);
        assertEquals(Layer.OUTPUT_CHECK, last.layer());
        assertEquals(1, out.suggestions.size());
        assertEquals(SuggestionStatus.PENDING_APPROVAL, out.suggestions.get(0).status());
        assertTrue(out.suggestions.stream().noneMatch(s -> s.status() == SuggestionStatus.AUTO));
    }

    private Member member(String email) {
        return db.policyStore().member(email).orElseThrow();
    }

    /** What a chunk produced. */
    static final class Recorder implements ChunkListener {
        final List<Decision> decisions = new ArrayList<>();
        final List<Suggestion> suggestions = new ArrayList<>();

        @Override
        public void emit(FlowEvent event) {}

        @Override
        public void decision(Decision decision) {
            decisions.add(decision);
        }

        @Override
        public void suggestion(Suggestion suggestion) {
            suggestions.add(suggestion);
        }

        @Override
        public void suggestionFailed(String reason) {}
    }
}
