package app.proxyme.engine.adapter.llm;

import app.proxyme.domain.DependencyUnavailableException;

/**
 * A language model as the adapters of this package use it: one chat completion, the text of its reply. Implemented by
 * {@link OpenAiChat}, and by the runtime's guarded bean around it (circuit breaker, bulkhead).
 */
public interface LanguageModel {
    /**
     * The assistant's reply to {@code chat}.
     *
     * @throws DependencyUnavailableException ({@code llm}) when no reply came within the deadline, the server refused,
     *     or its answer was not a chat completion
     */
    String complete(Chat chat);
}
