package app.proxyme.engine.adapter.nlp;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.out.ResponseGenerator;
import app.proxyme.domain.port.out.ScopedToken;
import java.util.List;

/**
 * The embedded-mode generator: answers from the topic's approved playbook. It picks the playbook answer closest in
 * meaning to the question (the local embedding model) and opens it with a short lead-in naming the question's
 * subject (only words the topic's own text uses). Deterministic; the question is data: only a few of its content words are echoed, in quotes.
 */
public final class PlaybookResponseGenerator implements ResponseGenerator {
    private final SentenceEncoder encoder;

    /** The generator over the shared local embedding model. */
    public PlaybookResponseGenerator() {
        this(MiniLmEncoder.SHARED);
    }

    private static final int MAX_CACHED_PLAYBOOKS = 256;
    private final java.util.Map<List<String>, List<float[]>> playbookCache =
            new java.util.concurrent.ConcurrentHashMap<>();

    PlaybookResponseGenerator(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * @throws app.proxyme.domain.DependencyUnavailableException when the embedding model cannot be loaded
     */
    @Override
    public String generate(Member member, Topic topic, String question, ScopedToken token) {
        var topicText = new java.util.ArrayList<String>(topic.examples());
        topicText.add(topic.description());
        topicText.addAll(topic.playbook());
        String subject = QuestionSubject.of(question, Terms.ofAll(topicText));
        String leadIn = leadIn(topic.id(), subject);
        if (topic.playbook().isEmpty()) {
            return leadIn + "I don't have an approved answer on that yet, so I'll check with the team and follow up "
                    + "with you in writing after the call.";
        }
        return leadIn + bestAnswer(topic.playbook(), SpokenText.of(QuestionSubject.lastSentence(question)).sentence());
    }

    private String bestAnswer(List<String> playbook, String question) {
        if (question.isBlank()) {
            return playbook.get(0);
        }
        float[] q = encoder.encode(question);
        List<float[]> answers = playbookVectors(playbook);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < answers.size(); i++) {
            double score = SentenceEncoder.dot(q, answers.get(i));
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return playbook.get(best);
    }

    /** Playbooks change only when an admin edits the policy: their embeddings are computed once. */
    private List<float[]> playbookVectors(List<String> playbook) {
        if (playbookCache.size() > MAX_CACHED_PLAYBOOKS) {
            playbookCache.clear();
        }
        return playbookCache.computeIfAbsent(List.copyOf(playbook), encoder::encodeAll);
    }

    /** A short opening that shows the question was heard, naming its subject when there is one. */
    static String leadIn(String topic, String subject) {
        if (subject.isEmpty()) {
            return "Good question. ";
        }
        String quoted = "\"" + subject + "\"";
        return switch (topic) {
            case "smalltalk" -> "";
            case "scheduling" -> "Sure, on " + quoted + ": ";
            case "personnel" -> "On " + quoted + ": ";
            default -> "Good question about " + quoted + ". ";
        };
    }
}
