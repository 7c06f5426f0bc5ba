package app.proxyme.domain.decision;

import java.util.Objects;

/** A candidate topic with the classifier's confidence in it, in [0,1]. */
public record TopicScore(String topic, double confidence) {
    public TopicScore {
        Objects.requireNonNull(topic, "topic");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0,1]: " + confidence);
        }
    }
}
