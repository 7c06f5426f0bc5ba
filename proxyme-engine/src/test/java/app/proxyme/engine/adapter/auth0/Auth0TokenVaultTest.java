package app.proxyme.engine.adapter.auth0;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.connect.AccountNotConnectedException;
import app.proxyme.domain.connect.FederatedToken;
import app.proxyme.domain.connect.RateLimitedException;
import app.proxyme.domain.policy.Member;
import app.proxyme.engine.testsupport.ScriptedHttp;
import app.proxyme.engine.testsupport.ScriptedHttp.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auth0 Token Vault's exchange against a local stub of {@code /oauth/token} (CONTRACTS.md). */
class Auth0TokenVaultTest {
    private static final Member JAE = new Member("jae@acme.test", "acme", "junior_ae", "Jo");
    private static final String GRANTED = "{\"access_token\":\"xoxp-slack-%d\",\"scope\":\"chat:write\","
            + "\"expires_in\":%d,\"issued_token_type\":\"" + Auth0TokenVault.REQUESTED_TYPE
            + "\",\"token_type\":\"Bearer\"}";

    private ScriptedHttp auth0;
    private final AtomicInteger exchanges = new AtomicInteger();
    private volatile Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    @BeforeEach
    void stub() throws Exception {
        auth0 = new ScriptedHttp();
    }

    @AfterEach
    void close() {
        auth0.close();
    }

    private Auth0TokenVault vault(Duration timeout) {
        return new Auth0TokenVault(auth0.base(), "client-1", "s3cret", clock, timeout);
    }

    private void grants(int expiresIn, Duration after) {
        auth0.on(
                "/oauth/token",
                r -> Reply.json(200, GRANTED.formatted(exchanges.incrementAndGet(), expiresIn))
                        .after(after));
    }

    @Test
    void it_sends_the_token_exchange_of_the_contract_with_the_users_own_token() {
        grants(3600, Duration.ZERO);
        FederatedToken t = vault(Duration.ofSeconds(5)).token(JAE, "users-auth0-access-token", "slack");
        assertEquals("xoxp-slack-1", t.accessToken());
        assertEquals("chat:write", t.scope());
        assertEquals(now.plusSeconds(3600), t.expiresAt());
        assertFalse(t.toString().contains("xoxp"), "the token is never printed");

        var sent = auth0.seen("/oauth/token").getFirst();
        assertEquals("POST", sent.method());
        assertTrue(sent.header("content-type").startsWith("application/x-www-form-urlencoded"));
        var form = sent.form();
        assertEquals(Auth0TokenVault.GRANT, form.get("grant_type"));
        assertEquals("urn:ietf:params:oauth:token-type:access_token", form.get("subject_token_type"));
        assertEquals("users-auth0-access-token", form.get("subject_token"));
        assertEquals(
                "http://auth0.com/oauth/token-type/federated-connection-access-token",
                form.get("requested_token_type"));
        assertEquals("slack", form.get("connection"));
        assertEquals("client-1", form.get("client_id"));
        assertEquals("s3cret", form.get("client_secret"));
    }

    @Test
    void a_token_is_reused_until_shortly_before_it_expires_and_concurrent_requests_share_one_exchange()
            throws Exception {
        grants(600, Duration.ofMillis(300));
        Auth0TokenVault vault = vault(Duration.ofSeconds(5));
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        var tokens = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                tokens.add(vault.token(JAE, "t", "slack").accessToken());
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, exchanges.get(), "one exchange for eight concurrent requests");
        assertEquals(1, tokens.size());

        now = now.plus(
                Duration.ofSeconds(600).minus(Auth0TokenVault.REFRESH_BEFORE).minusSeconds(5));
        vault.token(JAE, "t", "slack");
        assertEquals(1, exchanges.get(), "still good");
        now = now.plusSeconds(10);
        assertEquals("xoxp-slack-2", vault.token(JAE, "t", "slack").accessToken(), "exchanged anew before it expires");
        vault.token(JAE, "t", "google-oauth2");
        assertEquals(3, exchanges.get(), "one per connection");
    }

    @Test
    void errors_become_the_domains_own() {
        auth0.on("/oauth/token", r -> switch (r.form().get("connection")) {
            case "slack" ->
                Reply.json(
                        401,
                        "{\"error\":\"federated_connection_refresh_token_not_found\","
                                + "\"error_description\":\"Federated connection Refresh Token not found.\"}");
            case "busy" -> Reply.json(429, "{\"error\":\"too_many_requests\"}").header("Retry-After", "7");
            case "forbidden" -> Reply.json(403, "{\"error\":\"unauthorized_client\"}");
            default -> Reply.json(500, "not json");
        });
        Auth0TokenVault vault = vault(Duration.ofSeconds(5));
        var missing = assertThrows(AccountNotConnectedException.class, () -> vault.token(JAE, "t", "slack"));
        assertTrue(missing.getMessage().startsWith("connect your Slack account first"), missing.getMessage());
        var busy = assertThrows(RateLimitedException.class, () -> vault.token(JAE, "t", "busy"));
        assertEquals(Duration.ofSeconds(7), busy.retryAfter());
        assertThrows(DependencyUnavailableException.class, () -> vault.token(JAE, "t", "forbidden"));
        assertThrows(DependencyUnavailableException.class, () -> vault.token(JAE, "t", "broken"));
        assertThrows(
                AccountNotConnectedException.class, () -> vault.token(JAE, null, "slack"), "no sign-in to exchange");
        assertEquals(4, auth0.seen("/oauth/token").size(), "failures are not cached: each was asked");
    }

    @Test
    void a_vault_that_does_not_answer_in_time_is_unavailable() {
        grants(3600, Duration.ofSeconds(3));
        long started = System.nanoTime();
        assertThrows(
                DependencyUnavailableException.class,
                () -> vault(Duration.ofMillis(300)).token(JAE, "t", "slack"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2500, "it gave up at its timeout");
    }
}
