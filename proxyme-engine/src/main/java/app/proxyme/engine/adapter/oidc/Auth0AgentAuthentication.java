package app.proxyme.engine.adapter.oidc;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.aci.AgentPrincipal;
import app.proxyme.domain.port.out.AgentAuthentication;
import app.proxyme.domain.port.out.AgentRegistry;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Connected agent identity (ACI.md check 2, {@code PROXYME_ACI_AGENT_AUTH=auth0}): an Auth0 M2M access token, verified
 * with Nimbus against the tenant's JWK set ({@code <issuer>.well-known/jwks.json}, cached, refreshed on an unknown
 * key), its issuer, audience and expiry; its {@code azp} (the M2M client) maps to the agent registered with that
 * {@code auth0ClientId}. While the key set cannot be read, no token is accepted.
 */
public final class Auth0AgentAuthentication implements AgentAuthentication {
    private final AgentRegistry agents;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /**
     * @param issuer the tenant's issuer, {@code https://<domain>/} (with its trailing slash)
     * @param audience the API identifier the agents' tokens are issued for
     */
    public Auth0AgentAuthentication(String issuer, String audience, AgentRegistry agents) {
        this.agents = agents;
        String base = issuer.endsWith("/") ? issuer : issuer + "/";
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(
                            URI.create(base + ".well-known/jwks.json").toURL())
                    .retrying(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not an issuer URL: " + issuer, e);
        }
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "azp")));
    }

    @Override
    public Optional<AgentPrincipal> authenticate(String bearer) {
        if (bearer == null || bearer.isBlank() || bearer.length() > 16_384) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = processor.process(bearer, null);
            String azp = claims.getStringClaim("azp");
            return agents.byAuth0Client(azp).filter(Agent::enabled).map(a -> new AgentPrincipal(a.org(), a.id()));
        } catch (KeySourceException e) {
            throw new DependencyUnavailableException("identity provider", "cannot read the tenant's keys", e);
        } catch (ParseException | BadJOSEException | com.nimbusds.jose.JOSEException e) {
            return Optional.empty();
        }
    }
}
