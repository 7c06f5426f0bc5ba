package app.proxyme.engine.adapter.llm;

import java.util.Objects;

/**
 * One chat completion to ask for: the instructions (system message) and the data (the user message, always the last
 * one), and whether the reply must be a JSON object.
 *
 * @param purpose what the reply is for ({@code classify}, {@code rank_answer}, {@code generate}), for logs
 * @param system the instructions: ours, never the customer's words
 * @param user the last message: untrusted data, delimited as {@link Prompts#untrusted} writes it
 * @param json whether to ask for {@code response_format: {"type":"json_object"}}
 * @param maxTokens the most tokens the reply may have
 */
public record Chat(String purpose, String system, String user, boolean json, int maxTokens) {
    public Chat {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
        }
    }
}
