package app.proxyme.engine.adapter.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.aci.AgentPrincipal;
import app.proxyme.engine.keys.KeyRing;
import app.proxyme.engine.testsupport.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The embedded agent tokens: issued for an agent, verified on any instance with the ring, expired after 15 min. */
class EmbeddedAgentTokensTest {
    private final MutableClock clock = MutableClock.ofNow();
    private final KeyRing ring = KeyRing.ephemeral("agents", KeyRing.Kind.RSA, clock);
    private final EmbeddedAgentTokens tokens = new EmbeddedAgentTokens(ring, clock);

    @Test
    void a_token_stands_for_its_agent_until_it_expires() {
        var agent = new AgentPrincipal("acme", "crm-notes");
        String token = tokens.issue(agent).accessToken();

        assertEquals(Optional.of(agent), new EmbeddedAgentTokens(ring, clock).authenticate(token));
        clock.advance(Duration.ofMinutes(16));
        assertTrue(tokens.authenticate(token).isEmpty());
    }

    @Test
    void a_token_of_another_ring_or_garbage_is_refused() {
        var other = new EmbeddedAgentTokens(KeyRing.ephemeral("agents", KeyRing.Kind.RSA, clock), clock);
        assertTrue(tokens.authenticate(
                        other.issue(new AgentPrincipal("acme", "crm-notes")).accessToken())
                .isEmpty());
        assertTrue(tokens.authenticate("not.a.token").isEmpty());
    }
}
