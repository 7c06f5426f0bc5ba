package app.proxyme.web.boot;

import app.proxyme.engine.adapter.llm.Chat;
import app.proxyme.engine.adapter.llm.LanguageModel;
import app.proxyme.engine.adapter.llm.OpenAiChat;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;

/**
 * The connected language model ({@code PROXYME_LLM=openai}) behind MicroProfile Fault Tolerance, with a circuit
 * breaker of its own: every call (a chunk's classification, an answer's ranking, a draft) goes through
 * {@link #complete}, so one breaker watches the one server; a bulkhead (at most 32 calls in flight) keeps a slow
 * server from taking every thread; and when three of the last four calls failed, the breaker stops asking for 10 s.
 *
 * <p>The deadline is not an annotation: {@code @Timeout} would bound each attempt and {@code @Retry} cannot honour
 * {@code Retry-After}, while the product needs one deadline per chunk, retries included. {@link OpenAiChat} keeps it
 * (3 s), so a classification ends within it whatever the server does. Whatever fails surfaces as
 * {@link app.proxyme.domain.DependencyUnavailableException} ({@link Unavailable}), and the local classifier decides.
 */
@ApplicationScoped
@Typed(GuardedLanguageModel.class)
class GuardedLanguageModel implements LanguageModel {
    private final OpenAiChat chat;

    @Inject
    GuardedLanguageModel(LanguageModelSettings settings) {
        this.chat = settings == null
                ? null
                : new OpenAiChat(
                        settings.baseUrl(), settings.apiKey().orElseThrow(), settings.model(), settings.deadline());
    }

    /** For CDI's proxy. */
    protected GuardedLanguageModel() {
        this(null);
    }

    @Override
    @Fallback(Unavailable.Llm.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000, successThreshold = 1)
    @Bulkhead(32)
    public String complete(Chat request) {
        return chat.complete(request);
    }

    /** The client, as the log may show it (no key); calling this creates the bean, its client included, at start. */
    String describe() {
        return String.valueOf(chat);
    }

    @PreDestroy
    void close() {
        if (chat != null) {
            chat.close();
        }
    }
}
