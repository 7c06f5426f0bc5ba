package app.proxyme.web.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.config.mp.MpConfigSources;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

class LanguageModelSettingsTest {
    private static Config config(Map<String, String> values) {
        return ConfigProviderResolver.instance()
                .getBuilder()
                .withSources(MpConfigSources.create(values))
                .build();
    }

    private static LanguageModelSettings read(Map<String, String> values) {
        Config config = config(values);
        return LanguageModelSettings.read(config, RuntimeSettings.read(config));
    }

    @Test
    void nothing_configured_is_local_with_groqs_defaults_for_later() {
        LanguageModelSettings s = read(Map.of());

        assertFalse(s.connected());
        assertEquals(URI.create("https://api.groq.com/openai/v1"), s.baseUrl());
        assertEquals("llama-3.3-70b-versatile", s.model());
        assertEquals(Optional.empty(), s.apiKey());
        assertEquals(3000, s.deadline().toMillis());
    }

    @Test
    void openai_takes_any_compatible_server_its_model_and_key() {
        LanguageModelSettings s = read(Map.of(
                "proxyme.llm", "openai",
                "proxyme.llm.base.url", "http://localhost:11434/v1",
                "proxyme.llm.model", "llama3.1:8b",
                "proxyme.llm.api.key", "ollama"));

        assertTrue(s.connected());
        assertEquals(URI.create("http://localhost:11434/v1"), s.baseUrl());
        assertEquals("llama3.1:8b", s.model());
        assertEquals(Optional.of("ollama"), s.apiKey());
    }

    @Test
    void openai_without_a_key_stops_the_start_naming_the_variable() {
        var e = assertThrows(IllegalStateException.class, () -> read(Map.of("proxyme.llm", "openai")));
        assertTrue(e.getMessage().contains("PROXYME_LLM_API_KEY"), e.getMessage());

        assertThrows(
                IllegalStateException.class,
                () -> read(Map.of("proxyme.llm", "openai", "proxyme.llm.api.key", "  ")),
                "a blank key is no key");
    }

    @Test
    void a_base_url_that_is_not_http_is_refused() {
        for (String url : List.of("ftp://models.acme.test/v1", "api.groq.com/openai/v1", "http://")) {
            var e = assertThrows(
                    IllegalStateException.class,
                    () -> read(
                            Map.of("proxyme.llm", "openai", "proxyme.llm.api.key", "k", "proxyme.llm.base.url", url)),
                    url);
            assertTrue(e.getMessage().contains("PROXYME_LLM_BASE_URL"), e.getMessage());
        }
    }

    @Test
    void the_key_is_never_in_the_settings_text() {
        LanguageModelSettings s = read(Map.of("proxyme.llm", "openai", "proxyme.llm.api.key", "gsk_secret_value_123"));

        assertFalse(s.toString().contains("gsk_secret_value_123"), s.toString());
    }
}
