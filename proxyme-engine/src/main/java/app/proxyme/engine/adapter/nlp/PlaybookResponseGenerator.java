package app.proxyme.engine.adapter.nlp;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.out.ResponseGenerator;
import app.proxyme.domain.port.out.ScopedToken;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The embedded-mode generator: answers from the topic's approved playbook. It picks the playbook answer closest in
 * meaning to the question (the local embedding model) and opens it with a short lead-in naming the question's
 * subject (only words the topic's own text uses). The lead-in's shape follows the chosen answer, not the topic's id:
 * an answer that opens with a reply of its own gets none, one that declines gets a neutral one (see
 * {@link #leadIn}). Deterministic; the question is data: only a few of its content words are echoed, in quotes.
 */
public final class PlaybookResponseGenerator implements ResponseGenerator {
    /**
     * Openings by which an answer already replies ("Happy to.", "Sure, ...", "Thanks for asking!", "Doing well"):
     * a lead-in before them would say the same twice.
     */
    private static final Pattern REPLY_OPENING = Pattern.compile("^(thanks|thank you|happy to|glad to|sure|"
            + "absolutely|of course|certainly|no problem|doing well|all good|not bad|it's been|good to|great to|"
            + "let's|hi|hello)\\b");

    /** Wording of an answer that declines or defers ("I'm not able to discuss ...", "I'd rather ..."). */
    private static final Pattern DECLINING = Pattern.compile("\\b(can't|cannot|not able|unable|won't|"
            + "i'd rather|i would rather|don't want to|not in a position)\\b");

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
        String answer = topic.playbook().isEmpty()
                ? "I don't have an approved answer on that yet, so I'll check with the team and follow up "
                        + "with you in writing after the call."
                : bestAnswer(
                        topic.playbook(),
                        SpokenText.of(QuestionSubject.lastSentence(question)).sentence());
        return leadIn(subject, answer) + answer;
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

    /**
     * A short opening that shows the question was heard, naming its subject when there is one. Its shape comes from
     * the answer it opens, in generic English: none when the answer opens with a reply of its own (an approved
     * small-talk or logistics answer such as "Happy to."), a neutral "On ..." when its first sentence declines or
     * defers (praise before a refusal reads wrong), else "Good question".
     */
    static String leadIn(String subject, String answer) {
        String text = answer.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (REPLY_OPENING.matcher(text).find()) {
            return "";
        }
        if (subject.isEmpty()) {
            return "Good question. ";
        }
        String quoted = "\"" + subject + "\"";
        return DECLINING.matcher(QuestionSubject.firstSentence(text)).find()
                ? "On " + quoted + ": "
                : "Good question about " + quoted + ". ";
    }
}
