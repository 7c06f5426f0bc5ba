package app.proxyme.domain.port.out;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.policy.TopicCatalog;

/**
 * Tells whether a chunk is a question or request for our side, and which topics of the organisation's
 * catalogue it is about. The text is untrusted data: nothing in it may change how it is classified except its
 * meaning.
 */
public interface TopicClassifier {
    /**
     * @throws DependencyUnavailableException when the classifier cannot answer (the core fails closed)
     */
    Classification classify(TopicCatalog catalog, String text);
}
