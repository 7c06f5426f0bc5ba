package app.proxyme.web.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.policy.PolicySettings;
import io.helidon.config.mp.MpConfigSources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

class RuntimeSettingsTest {
    private static Config config(Map<String, String> values) {
        return ConfigProviderResolver.instance()
                .getBuilder()
                .withSources(MpConfigSources.create(values))
                .build();
    }

    @Test
    void nothing_configured_means_embedded_everything_and_the_policy_defaults() {
        RuntimeSettings s = RuntimeSettings.read(config(Map.of()));

        assertTrue(s.engine().embeddedDatabase());
        assertFalse(s.fga().connected());
        assertEquals("embedded", s.identity());
        assertEquals("embedded", s.approval());
        assertEquals("local", s.llm());
        assertEquals(PolicySettings.DEFAULTS, s.engine().defaults());
        assertEquals(null, s.engine().dbMigrateUser(), "migrations run as the runtime user");
        assertEquals(600, s.evaluatePerMinute());
        assertEquals(java.time.Duration.ofSeconds(60), s.chunkGrace());
        assertEquals(java.time.Duration.ofSeconds(10), s.shutdownDrain());
        assertEquals(64, s.laneCapacity());
        assertEquals(2, s.wsMessagesPerSecond());
    }

    @Test
    void lanes_drain_and_chunk_recovery_are_settings_checked_at_start() {
        RuntimeSettings s = RuntimeSettings.read(config(
                Map.of("proxyme.chunk.grace.s", "5", "proxyme.shutdown.drain.s", "0", "proxyme.lane.capacity", "2")));

        assertEquals(java.time.Duration.ofSeconds(5), s.chunkGrace());
        assertEquals(java.time.Duration.ZERO, s.shutdownDrain());
        assertEquals(2, s.laneCapacity());
        for (var bad : List.of(
                Map.of("proxyme.chunk.grace.s", "-1"),
                Map.of("proxyme.shutdown.drain.s", "-1"),
                Map.of("proxyme.lane.capacity", "0"),
                Map.of("proxyme.ws.messages.per.second", "-1"))) {
            var e = assertThrows(IllegalArgumentException.class, () -> RuntimeSettings.read(config(bad)));
            String key = bad.keySet().iterator().next();
            String env = "PROXYME_"
                    + key.substring("proxyme.".length()).replace('.', '_').toUpperCase(java.util.Locale.ROOT);
            assertTrue(e.getMessage().contains(env), e.getMessage());
        }
    }

    @Test
    void migrations_may_run_as_an_owner_role_of_their_own() {
        RuntimeSettings s = RuntimeSettings.read(config(Map.of(
                "proxyme.db.user", "proxyme_app",
                "proxyme.db.migrate.user", "proxyme_owner",
                "proxyme.db.migrate.password", "secret")));

        assertEquals("proxyme_app", s.engine().dbUser());
        assertEquals("proxyme_owner", s.engine().dbMigrateUser());
        assertEquals("secret", s.engine().dbMigratePassword());
        assertFalse(s.engine().toString().contains("secret"), "passwords are never shown");
    }

    @Test
    void the_dry_run_limit_is_a_setting_and_0_switches_it_off() {
        assertEquals(
                30,
                RuntimeSettings.read(config(Map.of("proxyme.evaluate.per.minute", "30")))
                        .evaluatePerMinute());
        assertEquals(
                0,
                RuntimeSettings.read(config(Map.of("proxyme.evaluate.per.minute", "0")))
                        .evaluatePerMinute());
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> RuntimeSettings.read(config(Map.of("proxyme.evaluate.per.minute", "-1"))));
        assertTrue(e.getMessage().contains("PROXYME_EVALUATE_PER_MINUTE"), e.getMessage());
    }

    @Test
    void a_setting_overrides_only_its_own_default() {
        RuntimeSettings s = RuntimeSettings.read(config(Map.of(
                "proxyme.approval.timeout.s",
                "30",
                "proxyme.db.url",
                "jdbc:postgresql://db/proxyme",
                "proxyme.llm",
                " LOCAL ")));

        assertEquals(Duration.ofSeconds(30), s.engine().defaults().approvalTimeout());
        assertEquals(
                PolicySettings.DEFAULTS.minConfidence(), s.engine().defaults().minConfidence());
        assertFalse(s.engine().embeddedDatabase());
        assertEquals("local", s.llm());
    }

    @Test
    void an_unknown_mode_stops_the_start_naming_the_variable_and_the_choices() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> RuntimeSettings.read(config(Map.of("proxyme.llm", "gpt"))));
        assertEquals("PROXYME_LLM=gpt is not supported; choose one of [local]", e.getMessage());

        var fga = assertThrows(
                IllegalArgumentException.class, () -> RuntimeSettings.read(config(Map.of("proxyme.fga", "openfga"))));
        assertTrue(fga.getMessage().contains("PROXYME_FGA_API_URL"), fga.getMessage());
    }
}
