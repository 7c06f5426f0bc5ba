package app.proxyme.engine.adapter.nlp;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.out.ResponseGenerator;
import app.proxyme.domain.port.out.ScopedToken;
import java.util.List;

/**
 * The embedded-mode generator: answers with the topic's approved playbook answer closest in meaning to the question
 * (the local embedding model), word for word, as the organisation wrote it. Nothing of the question is echoed, so no
 * fragment of what a customer said (or of an instruction hidden in it) is ever read back to them. Deterministic.
 */
public final class PlaybookResponseGenerator implements ResponseGenerator {
    /** What is said on a topic whose playbook is empty. */
    static final String NO_PLAYBOOK = "I don't have an approved answer on that yet, so I'll check with the team and"
            + " follow up with you in writing after the call.";

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
        return topic.playbook().isEmpty()
                ? NO_PLAYBOOK
                : bestAnswer(
                        topic.playbook(),
                        SpokenText.of(LastSentence.of(question)).sentence());
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
}
