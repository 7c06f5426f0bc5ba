package app.proxyme.engine.adapter.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** A model's reply read as what was asked for: one JSON object, nothing before or after it. */
final class ModelReply {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ModelReply() {}

    /** The object, or empty when the reply is not exactly one JSON object; {@code why} says which. */
    static Optional<JsonNode> object(String reply, StringBuilder why) {
        JsonNode root;
        try {
            root = JSON.readTree(reply.strip());
        } catch (IOException e) {
            why.append("the reply is not JSON");
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            why.append("the reply is not a JSON object");
            return Optional.empty();
        }
        return Optional.of(root);
    }
}
