package app.proxyme.web.boot;

import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.chunk.ChunkListener;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.flow.FlowEvent;
import app.proxyme.domain.pipeline.ChunkPipeline;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Topic;
import app.proxyme.engine.adapter.devices.EmbeddedStepUpApproval;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.adapter.jose.EmbeddedTokenVault;
import app.proxyme.engine.adapter.jose.SigningKeys;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.adapter.nlp.LocalTopicClassifier;
import app.proxyme.engine.adapter.nlp.PlaybookResponseGenerator;
import app.proxyme.engine.policy.PolicySeeder;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.web.app.Json;
import app.proxyme.web.app.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Warm-up by rehearsal, after the dry decisions: the whole chunk path — accept, classify, decide, vault token,
 * playbook draft, output check, audit group commit, suggestion store, the overlay's messages — runs over a
 * throwaway database in a temporary directory, seeded with the demo organisations, with its own classifier, keys and
 * trail, so that
 * the JIT has compiled the write path before the first real meeting. Nothing of it reaches the real database, the
 * real trail or any overlay; it never fails the start.
 */
final class Rehearsal {
    private static final System.Logger LOG = System.getLogger(Rehearsal.class.getName());
    private static final String STATEMENT = "thanks everyone, let's pick this up again next week";

    private Rehearsal() {}

    /**
     * Rehearses up to {@code chunks} chunks within {@code budget}.
     *
     * @return how many chunks were rehearsed
     */
    static int run(int chunks, Duration budget, Clock clock) {
        if (chunks <= 0) {
            return 0;
        }
        Instant start = clock.instant();
        Path dir;
        try {
            dir = Files.createTempDirectory("proxyme-rehearsal");
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "no rehearsal: no temporary directory", e);
            return 0;
        }
        int done = 0;
        try (Database db = Database.open(Database.h2FileUrl(dir), "sa", "")) {
            new PolicySeeder(db.policyAdmin()).seed();
            var fga = new EmbeddedRelationshipCheck(db.tupleStore());
            var pipeline = new ChunkPipeline(new ChunkPipeline.Ports(
                    db.policyStore(),
                    db.meetingStore(),
                    new LocalTopicClassifier(),
                    fga,
                    new EmbeddedTokenVault(SigningKeys.loadOrCreate(dir.resolve("keys"), "vault"), fga, clock),
                    new PlaybookResponseGenerator(),
                    new EmbeddedStepUpApproval((held, binding) -> {}),
                    db.suggestionStore(),
                    db.auditLog(clock),
                    clock));
            List<Said> script = script(db);
            Instant deadline = start.plus(budget);
            while (done < chunks && clock.instant().isBefore(deadline) && !script.isEmpty()) {
                Said said = script.get(done % script.size());
                var chunk = new Chunk(said.member().org(), "rehearsal-" + (done % 50), done + 1, "", said.text());
                pipeline.accept(said.member(), chunk);
                pipeline.process(said.member(), chunk, new Messaging(chunk.seq()));
                done++;
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "rehearsal stopped after " + done + " chunks", e);
        } finally {
            delete(dir);
        }
        LOG.log(
                System.Logger.Level.INFO,
                "warm-up: " + done + " rehearsed chunks in "
                        + Duration.between(start, clock.instant()).toMillis() + " ms");
        return done;
    }

    /** Each demo member hears each topic's examples and a statement, members interleaved. */
    private static List<Said> script(Database db) {
        var script = new ArrayList<Said>();
        for (String org : PolicyFiles.DEMO_ORGS) {
            List<Member> members = PolicyFiles.demo(org).members().keySet().stream()
                    .map(db.policyStore()::member)
                    .flatMap(java.util.Optional::stream)
                    .toList();
            List<String> texts = new ArrayList<>();
            texts.add(STATEMENT);
            for (Topic topic : db.policyStore().policy(org).catalog().topics()) {
                texts.addAll(topic.examples());
            }
            for (String text : texts) {
                for (Member m : members) {
                    script.add(new Said(m, text));
                }
            }
        }
        return script;
    }

    private record Said(Member member, String text) {}

    /** Shapes every message as the overlay would get it (the JSON writer warms too), and sends it nowhere. */
    private record Messaging(long seq) implements ChunkListener {
        @Override
        public void emit(FlowEvent event) {
            Json.write(Messages.flow(seq, event));
        }

        @Override
        public void decision(Decision decision) {
            Json.write(Messages.decision(seq, decision));
        }

        @Override
        public void suggestion(Suggestion suggestion) {
            Json.write(Messages.suggestion(suggestion));
        }

        @Override
        public void suggestionFailed(String reason) {
            Json.write(Messages.error(seq, "unavailable", reason));
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
