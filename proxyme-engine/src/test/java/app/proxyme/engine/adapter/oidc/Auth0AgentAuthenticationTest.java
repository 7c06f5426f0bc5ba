package app.proxyme.engine.adapter.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.aci.AgentPrincipal;
import app.proxyme.domain.fakes.InMemoryAci;
import app.proxyme.domain.port.out.AgentRegistry;
import app.proxyme.engine.testsupport.OidcStub;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Auth0 M2M access tokens as agent tokens, against a local JWKS/token stub that speaks Auth0's formats. */
class Auth0AgentAuthenticationTest {
    private final OidcStub auth0 = new OidcStub();
    private final InMemoryAci.Agents agents = new InMemoryAci.Agents();
    private final Auth0AgentAuthentication authentication;

    Auth0AgentAuthenticationTest() throws Exception {
        agents.register(
                new Agent("acme", "finance-advisor", "Finance", "finance", Set.of(), "{}", "m2m-finance", true),
                new AgentRegistry.Credentials("ac_1", "acme", "finance-advisor", "00"));
        authentication = new Auth0AgentAuthentication(auth0.issuer(), OidcStub.AUDIENCE, agents);
    }

    @AfterEach
    void stop() {
        auth0.close();
    }

    private String m2m(String azp) {
        return auth0.rs256(auth0.claims(azp + "@clients")
                .claim("azp", azp)
                .claim("gty", "client-credentials")
                .build());
    }

    @Test
    void an_m2m_token_of_the_registered_client_acts_as_its_agent() {
        assertEquals(
                java.util.Optional.of(new AgentPrincipal("acme", "finance-advisor")),
                authentication.authenticate(m2m("m2m-finance")));
    }

    @Test
    void a_token_of_an_unregistered_client_a_forged_or_expired_one_or_for_another_audience_is_refused() {
        assertTrue(authentication.authenticate(m2m("m2m-other")).isEmpty());
        assertTrue(authentication
                .authenticate(auth0.forged(
                        auth0.claims("x@clients").claim("azp", "m2m-finance").build()))
                .isEmpty());
        assertTrue(authentication
                .authenticate(auth0.rs256(auth0.claims("x@clients")
                        .claim("azp", "m2m-finance")
                        .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                        .build()))
                .isEmpty());
        assertTrue(authentication
                .authenticate(auth0.rs256(auth0.claims("x@clients")
                        .claim("azp", "m2m-finance")
                        .audience("https://another.api")
                        .build()))
                .isEmpty());
    }

    @Test
    void a_disabled_agent_is_refused_and_an_unreachable_tenant_fails_closed() {
        String token = m2m("m2m-finance");
        agents.disable("acme", "finance-advisor");
        assertTrue(authentication.authenticate(token).isEmpty());

        auth0.down(true);
        var fresh = new Auth0AgentAuthentication(auth0.issuer(), OidcStub.AUDIENCE, agents);
        assertThrows(DependencyUnavailableException.class, () -> fresh.authenticate(m2m("m2m-finance")));
    }
}
