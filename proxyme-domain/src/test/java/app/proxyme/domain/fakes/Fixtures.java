package app.proxyme.domain.fakes;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Phrase;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.policy.TopicCatalog;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Small shared test data. */
public final class Fixtures {
    public static final Member JAE = new Member("jae@acme.test", "acme", "junior_ae", "Jo");
    public static final Member AE = new Member("ae@acme.test", "acme", "account_executive", "Alex");
    public static final Member SAM_GLOBEX = new Member("sam@globex.test", "globex", "account_executive", "Sam");
    public static final PolicySettings SETTINGS = new PolicySettings(0.5, 0.1, Duration.ofSeconds(120));
    public static final List<String> TOPICS =
            List.of("product", "security", "pricing", "commitment", "legal", "personnel", "competitors", "smalltalk");

    private Fixtures() {}

    public static TopicCatalog catalog(String org) {
        return new TopicCatalog(
                org,
                TOPICS.stream()
                        .map(t -> new Topic(
                                t, t + " things", List.of(), List.of("About " + t + ": here is what we can say.")))
                        .toList(),
                1);
    }

    /** A question about the topics, with the given confidences in order. */
    public static Classification question(Object... topicThenConfidence) {
        TopicScore[] scores = new TopicScore[topicThenConfidence.length / 2];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = new TopicScore((String) topicThenConfidence[2 * i], (Double) topicThenConfidence[2 * i + 1]);
        }
        return new Classification(true, 0.9, Arrays.asList(scores));
    }

    /**
     * Rule phrases for tests of the core, on java.util.regex: the core only asks whether a phrase is found. The
     * engine compiles the phrases of a loaded policy with a linear-time engine.
     */
    public static List<Phrase> phrases(String... regexes) {
        return Arrays.stream(regexes)
                .map(r -> {
                    Pattern pattern = Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                    return (Phrase) new Phrase() {
                        @Override
                        public String source() {
                            return r;
                        }

                        @Override
                        public boolean foundIn(String text) {
                            return pattern.matcher(text).find();
                        }
                    };
                })
                .toList();
    }

    public static MatrixRelationshipCheck demoMatrix() {
        var fga = new MatrixRelationshipCheck();
        for (String t : List.of("product", "smalltalk")) {
            fga.allow("jae@acme.test", "acme", t, app.proxyme.domain.policy.Effect.AUTO);
            fga.allow("ae@acme.test", "acme", t, app.proxyme.domain.policy.Effect.AUTO);
        }
        for (String t : List.of("security", "commitment", "competitors")) {
            fga.allow("jae@acme.test", "acme", t, app.proxyme.domain.policy.Effect.APPROVE);
            fga.allow("ae@acme.test", "acme", t, app.proxyme.domain.policy.Effect.APPROVE);
        }
        fga.allow("ae@acme.test", "acme", "pricing", app.proxyme.domain.policy.Effect.APPROVE);
        fga.allow("sam@globex.test", "globex", "pricing", app.proxyme.domain.policy.Effect.AUTO);
        return fga;
    }
}
