package app.proxyme.engine.policy;

import app.proxyme.domain.pipeline.ChunkPipeline;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.in.WarmUp;
import app.proxyme.domain.port.out.PolicyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link WarmUp} by dry runs: for each organisation, one of its members "hears" each topic's examples and a
 * statement, through the real classifier and decider, round after round, until enough decisions ran or the budget is
 * spent; then each topic's playbook answers go through the output check once (its sentence embeddings are what every
 * answer of the embedded generator needs first). Nothing is recorded and nothing is generated.
 */
public final class DecisionWarmUp implements WarmUp {
    private static final System.Logger LOG = System.getLogger(DecisionWarmUp.class.getName());
    private static final String STATEMENT = "thanks everyone, let's pick this up again next week";
    /** How many members of an organisation are tried for a topic whose answer is checked. */
    private static final int ANSWER_MEMBERS = 20;

    private final PolicyAdmin admin;
    private final PolicyStore policies;
    private final ChunkPipeline pipeline;
    private final Clock clock;
    private final int decisions;
    private final Duration budget;

    /**
     * @param decisions how many dry decisions make the path warm (the JIT compiles hot code after some thousands)
     * @param budget the most time to spend, whatever the count
     */
    public DecisionWarmUp(
            PolicyAdmin admin,
            PolicyStore policies,
            ChunkPipeline pipeline,
            Clock clock,
            int decisions,
            Duration budget) {
        this.admin = admin;
        this.policies = policies;
        this.pipeline = pipeline;
        this.clock = clock;
        this.decisions = decisions;
        this.budget = budget;
    }

    @Override
    public int warmUp() {
        List<Utterance> utterances = utterances();
        if (utterances.isEmpty()) {
            return 0;
        }
        Instant start = clock.instant();
        Instant deadline = start.plus(budget);
        int done = 0;
        try {
            while (done < decisions && clock.instant().isBefore(deadline)) {
                Utterance u = utterances.get(done % utterances.size());
                pipeline.evaluate(u.member(), u.text());
                done++;
            }
            for (Answer a : answers()) {
                // the first members whose role may answer the topic check its answer
                for (Member m : a.members()) {
                    if (!clock.instant().isBefore(deadline)
                            || pipeline.dryCheck(m, a.question(), a.answer()).isPresent()) {
                        break;
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "warm-up stopped after " + done + " dry decisions", e);
        }
        LOG.log(
                System.Logger.Level.INFO,
                "warm-up: " + done + " dry decisions in "
                        + Duration.between(start, clock.instant()).toMillis() + " ms");
        return done;
    }

    /** Each topic's first example with each of its playbook answers, and who may ask, for every organisation. */
    private List<Answer> answers() {
        var out = new ArrayList<Answer>();
        for (String org : admin.organisations()) {
            List<Member> members = membersOf(org, ANSWER_MEMBERS);
            if (members.isEmpty()) {
                continue;
            }
            for (Topic topic : policies.policy(org).catalog().topics()) {
                if (!topic.examples().isEmpty()) {
                    topic.playbook()
                            .forEach(answer ->
                                    out.add(new Answer(members, topic.examples().get(0), answer)));
                }
            }
        }
        return out;
    }

    /** The organisation's first {@code limit} members, as stored now. */
    private List<Member> membersOf(String org, int limit) {
        return admin.export(org)
                .map(doc -> doc.members().keySet().stream()
                        .map(policies::member)
                        .flatMap(Optional::stream)
                        .limit(limit)
                        .toList())
                .orElse(List.of());
    }

    /** Every organisation's utterances, interleaved, so that each organisation's topic index is built early. */
    private List<Utterance> utterances() {
        var byOrg = new ArrayList<List<Utterance>>();
        for (String org : admin.organisations()) {
            Optional<Member> member = membersOf(org, 1).stream().findFirst();
            if (member.isEmpty()) {
                continue;
            }
            var own = new ArrayList<Utterance>();
            own.add(new Utterance(member.get(), STATEMENT));
            for (Topic topic : policies.policy(org).catalog().topics()) {
                topic.examples().forEach(text -> own.add(new Utterance(member.get(), text)));
            }
            byOrg.add(own);
        }
        var out = new ArrayList<Utterance>();
        int longest = byOrg.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<Utterance> own : byOrg) {
                if (i < own.size()) {
                    out.add(own.get(i));
                }
            }
        }
        return out;
    }

    private record Utterance(Member member, String text) {}

    /** A playbook answer to check, as if drafted for {@code question}, for the first of {@code members} who may. */
    private record Answer(List<Member> members, String question, String answer) {}
}
