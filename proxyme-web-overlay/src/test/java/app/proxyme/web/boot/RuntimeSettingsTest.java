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
    void an_openid_provider_is_named_by_its_settings_and_each_missing_one_is_named() {
        RuntimeSettings auth0 = RuntimeSettings.read(config(Map.of(
                "proxyme.identity", "auth0",
                "proxyme.auth0.domain", "acme.eu.auth0.com",
                "proxyme.auth0.audience", "https://api.acme.test")));
        assertEquals("https://acme.eu.auth0.com/", auth0.oidc().issuer());
        assertEquals("https://api.acme.test", auth0.oidc().audience());
        RuntimeSettings oidc = RuntimeSettings.read(config(Map.of(
                "proxyme.identity", "OIDC",
                "proxyme.oidc.issuer", "https://login.acme.test/realms/acme",
                "proxyme.oidc.audience", "proxyme")));
        assertEquals("oidc", oidc.identity());
        assertEquals("https://login.acme.test/realms/acme", oidc.oidc().issuer());
        assertEquals(null, RuntimeSettings.read(config(Map.of())).oidc());
        assertFalse(RuntimeSettings.read(config(Map.of())).demoExposed());

        var missing = assertThrows(
                IllegalArgumentException.class,
                () -> RuntimeSettings.read(
                        config(Map.of("proxyme.identity", "auth0", "proxyme.auth0.domain", "x.test"))));
        assertTrue(missing.getMessage().contains("PROXYME_AUTH0_AUDIENCE"), missing.getMessage());
        var noIssuer = assertThrows(
                IllegalArgumentException.class, () -> RuntimeSettings.read(config(Map.of("proxyme.identity", "oidc"))));
        assertTrue(noIssuer.getMessage().contains("PROXYME_OIDC_ISSUER"), noIssuer.getMessage());
    }

    @Test
    void auth0_ciba_needs_the_tenant_and_the_client_and_never_shows_the_secret() {
        var all = Map.of(
                "proxyme.approval", "auth0-ciba",
                "proxyme.auth0.domain", "acme.eu.auth0.com",
                "proxyme.auth0.client.id", "ciba-client",
                "proxyme.auth0.client.secret", "very-secret");
        RuntimeSettings s = RuntimeSettings.read(config(all));
        assertEquals("auth0-ciba", s.approval());
        assertEquals("https://acme.eu.auth0.com", s.ciba().baseUrl());
        assertEquals("https://acme.eu.auth0.com/", s.ciba().issuer());
        assertEquals("ciba-client", s.ciba().clientId());
        assertEquals(null, s.ciba().audience());
        assertEquals(
                "https://api.acme.test",
                RuntimeSettings.read(config(with(all, "proxyme.auth0.audience", "https://api.acme.test")))
                        .ciba()
                        .audience());
        assertFalse(s.toString().contains("very-secret"), "the settings' text leaves the secret out");
        assertEquals(
                "http://127.0.0.1:8089",
                RuntimeSettings.read(config(with(all, "proxyme.auth0.domain", "http://127.0.0.1:8089")))
                        .ciba()
                        .baseUrl());
        assertEquals(null, RuntimeSettings.read(config(Map.of())).ciba());
        for (String key : List.of("proxyme.auth0.domain", "proxyme.auth0.client.id", "proxyme.auth0.client.secret")) {
            var partial = new java.util.HashMap<>(all);
            partial.remove(key);
            var e = assertThrows(IllegalArgumentException.class, () -> RuntimeSettings.read(config(partial)));
            String env = key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
            assertEquals(env + " is required with PROXYME_APPROVAL=auth0-ciba", e.getMessage());
        }
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        var m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
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
        assertEquals("PROXYME_LLM=gpt is not supported; choose one of [local, openai]", e.getMessage());

        var fga = assertThrows(
                IllegalArgumentException.class, () -> RuntimeSettings.read(config(Map.of("proxyme.fga", "openfga"))));
        assertTrue(fga.getMessage().contains("PROXYME_FGA_API_URL"), fga.getMessage());
    }
}
