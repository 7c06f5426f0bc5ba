package app.proxyme.engine.adapter.llm;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.policy.TopicCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The model's classification, read strictly: a JSON object (nothing before or after it) with {@code topic} a name of
 * the given catalogue or {@code unknown}, {@code question} a boolean and {@code confidence} a number in [0,1]. Anything
 * else — not JSON, another topic, a missing or mistyped field, a confidence out of range — is a failed classification,
 * never a guess. Other fields are ignored.
 *
 * @param topic the catalogue topic, or {@code null} for {@code unknown}
 */
record ModelVerdict(String topic, boolean question, double confidence) {
    static final String UNKNOWN = "unknown";

    static ModelVerdict parse(String reply, TopicCatalog catalog) {
        var why = new StringBuilder();
        JsonNode root = ModelReply.object(reply, why).orElseThrow(() -> failed(why.toString()));
        JsonNode topic = root.get("topic");
        JsonNode question = root.get("question");
        JsonNode confidence = root.get("confidence");
        if (topic == null || !topic.isTextual()) {
            throw failed("'topic' is missing or not a string");
        }
        if (question == null || !question.isBoolean()) {
            throw failed("'question' is missing or not a boolean");
        }
        if (confidence == null || !confidence.isNumber()) {
            throw failed("'confidence' is missing or not a number");
        }
        double c = confidence.asDouble();
        if (!(c >= 0 && c <= 1)) {
            throw failed("'confidence' is not in [0,1]");
        }
        String name = topic.asText();
        if (!name.equals(UNKNOWN) && !catalog.contains(name)) {
            throw failed("'topic' is not a topic of the catalogue");
        }
        return new ModelVerdict(name.equals(UNKNOWN) ? null : name, question.asBoolean(), c);
    }

    /** The topic as a ranking: one topic, or none when the model said {@code unknown}. */
    List<TopicScore> ranked() {
        return topic == null ? List.of() : List.of(new TopicScore(topic, confidence));
    }

    private static DependencyUnavailableException failed(String why) {
        return new DependencyUnavailableException("classifier", "the language model's classification failed: " + why);
    }
}
