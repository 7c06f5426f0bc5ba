package app.proxyme.engine.adapter.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.pipeline.ChunkPipeline;
import app.proxyme.domain.policy.Member;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.policy.file.PolicyFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo organisation's own playbook answers, drafted for product questions, pass the output check with the real
 * local classifier: an answer said word for word, without echoing the question, is still read as the product answer
 * it is (the output check reads an answer unclear on its own as the reply to its question).
 */
class PlaybookAnswersPassTheOutputCheckTest {
    @TempDir
    Path dir;

    private Database db;
    private ChunkPipeline pipeline;

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir), "sa", "");
        db.policyAdmin().createIfAbsent(PolicyFiles.demo("acme"));
        pipeline = OutputCheckLocalTest.localPipeline(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void product_questions_of_a_junior_ae_are_answered_on_their_own() {
        Member jae = db.policyStore().member("jae@acme.test").orElseThrow();
        long seq = 1;
        for (String q : List.of(
                "Can the dashboards be filtered by region and by owner?",
                "Does it connect to Slack so the team gets notified?")) {
            var out = new OutputCheckLocalTest.Recorder();
            pipeline.process(jae, new Chunk("acme", "m-natural", seq++, "", q), out);
            Decision last = out.decisions.get(out.decisions.size() - 1);
            assertEquals(Outcome.AUTO, last.outcome(), q + " → " + out.decisions + " / " + out.suggestions);
        }
    }
}
