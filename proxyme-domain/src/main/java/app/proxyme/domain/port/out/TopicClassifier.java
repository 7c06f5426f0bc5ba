package app.proxyme.domain.port.out;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.chunk.PrecedingTurns;
import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.policy.TopicCatalog;
import java.util.List;

/**
 * Tells whether a chunk is a question or request for our side, and which topics of the organisation's catalogue it
 * is about; and which topics an answer our side drafted is about. The text is untrusted data: nothing in it may
 * change how it is classified except its meaning.
 */
public interface TopicClassifier {
    /**
     * What a customer's chunk is: a question for us or not, and when it is one, its topics. A classifier may leave
     * the topics of a chunk that is not a question unranked (the outcome is {@code NONE} whatever they are).
     *
     * @throws DependencyUnavailableException when the classifier cannot answer (the core fails closed)
     */
    Classification classify(TopicCatalog catalog, String text);

    /**
     * Whether this classifier reads the turns before a chunk ({@link #classify(TopicCatalog, String, PrecedingTurns)}),
     * so that they are worth reading for it.
     */
    default boolean readsContext() {
        return false;
    }

    /**
     * {@link #classify(TopicCatalog, String)}, with what was said just before {@code text} in the meeting: untrusted
     * data too, which may help tell what {@code text} refers to but never stands in for it — {@code text} is what is
     * classified. By default the turns before are not read.
     */
    default Classification classify(TopicCatalog catalog, String text, PrecedingTurns before) {
        return classify(catalog, text);
    }

    /**
     * The catalogue's topics that {@code answer}, a drafted answer of our side, is about, most likely first, with
     * confidences in [0,1]. Answers are statements: unlike {@link #classify}, the ranking never depends on whether
     * the text reads as a question, so an answer that quotes a price ranks pricing high. Only the given catalogue's
     * topics are ranked; text that says nothing is not confidently ranked; the same text is ranked the same way.
     *
     * @throws DependencyUnavailableException when the classifier cannot answer (the output check fails closed)
     */
    List<TopicScore> rankAnswer(TopicCatalog catalog, String answer);
}
