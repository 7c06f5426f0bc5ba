package app.proxyme.domain.port.out.contract;

import static app.proxyme.domain.port.out.TokenVault.READ_TRANSCRIPTS;
import static app.proxyme.domain.port.out.TokenVault.WRITE_SUGGESTIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.fakes.MatrixRelationshipCheck;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.ScopedToken;
import app.proxyme.domain.port.out.TokenRefusedException;
import app.proxyme.domain.port.out.TokenVault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenVault} promises: a short-lived token bound to exactly the member, scope and topic asked
 * for; a {@code write:suggestions} token only for a topic the member's role may respond on, as the {@link
 * RelationshipCheck} says at the time of asking (a cached token does not outlive a withdrawn grant); and, when that
 * check cannot answer, {@link DependencyUnavailableException} rather than a token. Extended once per adapter.
 */
public abstract class TokenVaultContractTest {
    /** The vault under test, asking {@code fga} before it issues a topic-bound token and telling time by {@code clock}. */
    protected abstract TokenVault vault(RelationshipCheck fga, Clock clock);

    protected static final Member JAE = new Member("jae@acme.test", "acme", "junior_ae", "Jo");
    protected static final Member AE = new Member("ae@acme.test", "acme", "account_executive", "Alex");
    protected static final Member SAM_GLOBEX = new Member("sam@globex.test", "globex", "account_executive", "Sam");

    private final Contracts.MovableClock clock = new Contracts.MovableClock(Instant.parse("2030-03-01T09:00:00Z"));
    private final MatrixRelationshipCheck fga = new MatrixRelationshipCheck()
            .allow(JAE.email(), "acme", "product", Effect.AUTO)
            .allow(JAE.email(), "acme", "smalltalk", Effect.AUTO)
            .allow(JAE.email(), "acme", "security", Effect.APPROVE)
            .allow(AE.email(), "acme", "product", Effect.AUTO)
            .allow(AE.email(), "acme", "pricing", Effect.APPROVE)
            .allow(SAM_GLOBEX.email(), "globex", "pricing", Effect.AUTO);
    private TokenVault vault;

    private TokenVault vault() {
        if (vault == null) {
            vault = vault(fga, clock);
        }
        return vault;
    }

    @Test
    void a_write_token_is_bound_to_the_scope_and_topic_asked_for_and_short_lived() {
        for (String topic : new String[] {"product", "security"}) { // AUTO and APPROVE both may respond
            ScopedToken token = vault().obtain(JAE, WRITE_SUGGESTIONS, topic);

            assertEquals(WRITE_SUGGESTIONS, token.scope());
            assertEquals(topic, token.topic());
            assertFalse(token.value().isBlank());
            assertTrue(token.expiresAt().isAfter(clock.instant()), "valid when issued");
            assertFalse(token.expiresAt().isAfter(clock.instant().plus(Duration.ofHours(1))), "short-lived");
        }
    }

    @Test
    void a_token_is_never_handed_out_once_it_has_expired() {
        ScopedToken first = vault().obtain(JAE, WRITE_SUGGESTIONS, "product");

        clock.set(first.expiresAt().plusSeconds(1));
        ScopedToken later = vault().obtain(JAE, WRITE_SUGGESTIONS, "product");

        assertTrue(later.expiresAt().isAfter(clock.instant()), "valid when handed out");
        assertNotEquals(first.value(), later.value());
    }

    @Test
    void tokens_for_another_topic_or_member_are_other_tokens() {
        String jaeProduct = vault().obtain(JAE, WRITE_SUGGESTIONS, "product").value();

        assertNotEquals(
                jaeProduct, vault().obtain(JAE, WRITE_SUGGESTIONS, "smalltalk").value(), "another topic");
        assertNotEquals(
                jaeProduct, vault().obtain(AE, WRITE_SUGGESTIONS, "product").value(), "another member");
        assertNotEquals(jaeProduct, vault().obtain(JAE, READ_TRANSCRIPTS, null).value(), "another scope");
    }

    @Test
    void junior_ae_never_gets_a_pricing_write_token() {
        assertThrows(TokenRefusedException.class, () -> vault().obtain(JAE, WRITE_SUGGESTIONS, "pricing"));
        assertThrows(
                TokenRefusedException.class,
                () -> vault().obtain(JAE, WRITE_SUGGESTIONS, "legal"),
                "a topic the role is granted nothing on");
        assertEquals(
                "pricing",
                vault().obtain(SAM_GLOBEX, WRITE_SUGGESTIONS, "pricing").topic(),
                "what another organisation grants its own members is theirs");
    }

    @Test
    void a_withdrawn_grant_is_refused_even_after_a_token_was_issued() {
        vault().obtain(JAE, WRITE_SUGGESTIONS, "product");

        fga.allow(JAE.email(), "acme", "product", Effect.DENY);

        assertThrows(TokenRefusedException.class, () -> vault().obtain(JAE, WRITE_SUGGESTIONS, "product"));
    }

    @Test
    void it_fails_closed_when_the_check_cannot_answer() {
        vault().obtain(JAE, WRITE_SUGGESTIONS, "product");

        fga.down(true);

        assertThrows(
                DependencyUnavailableException.class,
                () -> vault().obtain(JAE, WRITE_SUGGESTIONS, "product"),
                "also when a token for it was issued before");
        assertThrows(DependencyUnavailableException.class, () -> vault().obtain(JAE, WRITE_SUGGESTIONS, "security"));
    }

    @Test
    void a_read_token_is_bound_to_no_topic() {
        ScopedToken token = vault().obtain(JAE, READ_TRANSCRIPTS, null);

        assertEquals(READ_TRANSCRIPTS, token.scope());
        assertNull(token.topic());
        assertTrue(token.expiresAt().isAfter(clock.instant()));
    }

    @Test
    void no_token_for_an_unknown_scope_or_a_write_token_without_a_topic() {
        assertThrows(TokenRefusedException.class, () -> vault().obtain(JAE, "admin:everything", null));
        assertThrows(
                RuntimeException.class,
                () -> vault().obtain(JAE, WRITE_SUGGESTIONS, null),
                "a write token is always bound to a topic");
    }
}
