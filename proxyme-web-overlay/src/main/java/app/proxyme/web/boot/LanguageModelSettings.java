package app.proxyme.web.boot;

import app.proxyme.engine.adapter.llm.OpenAiChat;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The connected language model of {@code PROXYME_LLM=openai}: any server of the OpenAI-compatible chat completions API
 * ({@code PROXYME_LLM_BASE_URL}, default Groq's), its key ({@code PROXYME_LLM_API_KEY}, required, never logged) and
 * the model ({@code PROXYME_LLM_MODEL}). With {@code local} the model settings are read but not used.
 *
 * @param mode {@code local} or {@code openai} (RuntimeSettings)
 * @param baseUrl the server's OpenAI-compatible base URL
 * @param apiKey the bearer key (never logged; required with {@code openai})
 * @param model the model to ask
 * @param deadline how long one call may take, retries included (one per chunk's classification)
 */
public record LanguageModelSettings(
        String mode, URI baseUrl, Optional<String> apiKey, String model, Duration deadline) {

    public boolean connected() {
        return mode.equals("openai");
    }

    @Override
    public String toString() {
        return "LanguageModelSettings[mode=" + mode + ", baseUrl=" + baseUrl + ", model=" + model + ", deadline="
                + deadline.toMillis() + " ms]";
    }

    /** @throws IllegalStateException naming what is missing or wrong, so that the start stops with it */
    static LanguageModelSettings read(Config config, RuntimeSettings settings) {
        String base = text(config, "proxyme.llm.base.url").orElse(OpenAiChat.DEFAULT_BASE);
        URI url;
        try {
            url = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("PROXYME_LLM_BASE_URL is not a URL: '" + base + "'");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalStateException("PROXYME_LLM_BASE_URL must be an http(s) URL such as "
                    + OpenAiChat.DEFAULT_BASE + ", not '" + base + "'");
        }
        Optional<String> key = text(config, "proxyme.llm.api.key");
        if (settings.llm().equals("openai") && key.isEmpty()) {
            throw new IllegalStateException("PROXYME_LLM=openai needs PROXYME_LLM_API_KEY, the key of the server at "
                    + url + " (a server without keys, such as Ollama, takes any value)");
        }
        return new LanguageModelSettings(
                settings.llm(),
                url,
                key,
                text(config, "proxyme.llm.model").orElse(OpenAiChat.DEFAULT_MODEL),
                OpenAiChat.DEFAULT_DEADLINE);
    }

    private static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
