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
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.adapter.nlp.LocalTopicClassifier;
import app.proxyme.engine.adapter.nlp.PlaybookResponseGenerator;
import app.proxyme.engine.identity.RoleScopedVault;
import app.proxyme.engine.keys.KeyRing;
import app.proxyme.engine.policy.PolicySeeder;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.web.app.Json;
import app.proxyme.web.app.Messages;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
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
 * the JIT has compiled the write path before the first real meeting: it goes on until the compilers fall quiet. Nothing of it reaches the real database, the
 * real trail or any overlay; it never fails the start.
 */
final class Rehearsal {
    private static final System.Logger LOG = System.getLogger(Rehearsal.class.getName());
    private static final String STATEMENT = "thanks everyone, let's pick this up again next week";
    /** Chunks between two looks at the JIT. */
    static final int ROUND = 50;
    /** Rounds before the JIT is looked at (the first compilations come in waves). */
    static final int MIN_ROUNDS = 4;
    /** Below this share of a round's time spent compiling, the JIT counts as settled. */
    static final double SETTLED = 0.10;

    private Rehearsal() {}

    /**
     * Rehearses in rounds of {@link #ROUND} chunks until the JIT has settled (a round in which compiling took less than
     * {@link #SETTLED} of the time, after {@link #MIN_ROUNDS} rounds), {@code chunks} were rehearsed or {@code budget}
     * is spent.
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
        boolean settled = false;
        try (Database db = Database.open(Database.h2FileUrl(dir), "sa", "")) {
            ChunkPipeline pipeline = pipeline(db, dir, clock);
            List<Said> script = script(db);
            Instant deadline = start.plus(budget);
            var jit = new JitActivity();
            int rounds = 0;
            while (done < chunks && !settled && clock.instant().isBefore(deadline) && !script.isEmpty()) {
                for (int i = 0; i < ROUND && done < chunks; i++, done++) {
                    Said said = script.get(done % script.size());
                    var chunk = new Chunk(said.member().org(), "rehearsal-" + (done % 50), done + 1, "", said.text());
                    pipeline.accept(said.member(), chunk);
                    pipeline.process(said.member(), chunk, new Messaging(chunk.seq()));
                }
                settled = ++rounds >= MIN_ROUNDS && jit.shareSinceLast() < SETTLED;
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "rehearsal stopped after " + done + " chunks", e);
        } finally {
            delete(dir);
        }
        LOG.log(
                System.Logger.Level.INFO,
                "warm-up: " + done + " rehearsed chunks in "
                        + Duration.between(start, clock.instant()).toMillis() + " ms"
                        + (settled ? ", JIT settled" : ", JIT not settled yet"));
        return done;
    }

    private static ChunkPipeline pipeline(Database db, Path dir, Clock clock) {
        new PolicySeeder(db.policyAdmin()).seed();
        var fga = new EmbeddedRelationshipCheck(db.tupleStore(), db.conditionStore());
        return new ChunkPipeline(new ChunkPipeline.Ports(
                db.policyStore(),
                db.meetingStore(),
                new LocalTopicClassifier(),
                fga,
                new RoleScopedVault(
                        fga, new EmbeddedTokenVault(KeyRing.ephemeral("vault", KeyRing.Kind.RSA, clock), clock)),
                new PlaybookResponseGenerator(),
                new EmbeddedStepUpApproval((held, binding) -> {}),
                db.suggestionStore(),
                db.auditLog(clock),
                clock));
    }

    /** How busy the JIT compilers were: the share of wall time spent compiling since the last call. */
    private static final class JitActivity {
        private final CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
        private long compiledMs = compiledMs();
        private long at = System.nanoTime();

        double shareSinceLast() {
            if (bean == null || !bean.isCompilationTimeMonitoringSupported()) {
                return 1; // cannot tell: rehearse up to the count or the budget
            }
            long nowCompiled = compiledMs();
            long now = System.nanoTime();
            double share = (nowCompiled - compiledMs) / Math.max(1.0, (now - at) / 1_000_000.0);
            compiledMs = nowCompiled;
            at = now;
            return share;
        }

        private long compiledMs() {
            return bean == null || !bean.isCompilationTimeMonitoringSupported() ? 0 : bean.getTotalCompilationTime();
        }
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
